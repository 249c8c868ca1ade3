package newsbot.store.pg;

import java.sql.PreparedStatement;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleListener;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

/**
 * Puts each write that a guarded database's handle runs outside a transaction (autocommit: a delivery marked
 * failed on the sender's kept handle, a feed's result) in a transaction of its own, so that
 * {@link GuardedTransactions} runs the guard first: an instance that lost the lease commits nothing, in a
 * transaction or not. Reads outside a transaction stay unguarded: a standby's {@code /health} reads.
 */
public final class FencedAutocommit implements HandleListener {

    private static final String OWN_TRANSACTION = FencedAutocommit.class.getName();
    /** The first word of a statement that changes data or schema; a {@code WITH} that holds such a statement. */
    private static final Pattern WRITE = Pattern.compile("^(INSERT|UPDATE|DELETE|MERGE|UPSERT|REPLACE|CREATE|DROP"
            + "|ALTER|TRUNCATE|VACUUM|ANALYZE|LOCK|COPY)\\b|^WITH\\b.*\\b(INSERT|UPDATE|DELETE|MERGE)\\b",
            Pattern.DOTALL);

    @Override
    public void handleCreated(Handle handle) {
        handle.addCustomizer(new StatementCustomizer() {
            @Override
            public void beforeExecution(PreparedStatement statement, StatementContext ctx) {
                if (handle.isInTransaction() || !writes(ctx.getRenderedSql())) {
                    return;
                }
                handle.begin(); // the guard runs here, and refuses by throwing
                ctx.define(OWN_TRANSACTION, Boolean.TRUE);
                ctx.addCleanable(() -> {
                    if (handle.isInTransaction()) {
                        handle.rollback(); // the statement failed: leave the handle as it was found
                    }
                });
            }

            @Override
            public void afterExecution(PreparedStatement statement, StatementContext ctx) {
                if (ctx.getAttribute(OWN_TRANSACTION) != null) {
                    handle.commit();
                }
            }
        });
    }

    static boolean writes(String sql) {
        String text = sql.stripLeading();
        while (text.startsWith("--") || text.startsWith("/*")) {
            int end = text.startsWith("--") ? text.indexOf('\n') : text.indexOf("*/") + 1;
            text = end <= 0 ? "" : text.substring(end + 1).stripLeading();
        }
        return WRITE.matcher(text.toUpperCase(Locale.ROOT)).find();
    }
}
