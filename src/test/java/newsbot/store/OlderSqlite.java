package newsbot.store;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;

/** A SQLite database as an earlier version of the bot left it: migrated only up to a given version. */
public final class OlderSqlite {

    private OlderSqlite() {
    }

    /** Migrates {@code file} (created if absent) up to {@code version} and returns a Jdbi over it. */
    public static Jdbi migratedTo(Path file, String version) {
        // the stemming connections: migration V5's triggers call newsbot_stems
        StemmingDataSource dataSource = new StemmingDataSource(new SQLiteConfig());
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        Flyway.configure().dataSource(dataSource).locations(Database.SQLITE_MIGRATIONS).target(version).load()
                .migrate();
        return Jdbi.create(dataSource);
    }
}
