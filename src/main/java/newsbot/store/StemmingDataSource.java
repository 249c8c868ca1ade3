package newsbot.store;

import java.sql.SQLException;
import org.sqlite.Function;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite connections that know {@code newsbot_stems(text)}: the full-text index's triggers (migration V5) stem
 * titles and summaries with it, so every way an article is written or changed keeps the index right.
 */
final class StemmingDataSource extends SQLiteDataSource {

    static final String FUNCTION = "newsbot_stems";
    private static final Morphology MORPHOLOGY = new Morphology();

    StemmingDataSource(SQLiteConfig config) {
        super(config);
    }

    @Override
    public SQLiteConnection getConnection(String username, String password) throws SQLException {
        SQLiteConnection connection = super.getConnection(username, password);
        try {
            Function.create(connection, FUNCTION, new Stems(), 1, Function.FLAG_DETERMINISTIC);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** newsbot_stems(text): the text's index form; NULL stays NULL. */
    private static final class Stems extends Function {
        @Override
        protected void xFunc() throws SQLException {
            String text = value_text(0);
            if (text == null) {
                result();
            } else {
                result(MORPHOLOGY.indexForm(text));
            }
        }
    }
}
