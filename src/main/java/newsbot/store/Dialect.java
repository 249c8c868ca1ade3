package newsbot.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * Which SQL the database speaks. Repositories write SQL both understand wherever one statement can; the few
 * statements that must differ (full-text search, a scalar maximum) ask the handle which one they run on.
 */
public enum Dialect {
    SQLITE,
    POSTGRESQL;

    /** The dialect of the database {@code h} is connected to. */
    public static Dialect of(Handle h) {
        return h.getConfig(Setting.class).dialect;
    }

    /** The Jdbi setting that carries the dialect to every handle of a database; SQLite unless set. */
    public static final class Setting implements JdbiConfig<Setting> {
        private Dialect dialect = SQLITE;

        public Setting() {
        }

        private Setting(Setting other) {
            this.dialect = other.dialect;
        }

        public Dialect dialect() {
            return dialect;
        }

        public void set(Dialect d) {
            this.dialect = d;
        }

        @Override
        public Setting createCopy() {
            return new Setting(this);
        }
    }
}
