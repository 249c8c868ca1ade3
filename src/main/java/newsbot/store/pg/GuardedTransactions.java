package newsbot.store.pg;

import java.sql.SQLException;
import newsbot.store.Database.HandleConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionHandler;

/**
 * Runs the guard first in every transaction begun on a handle of its Jdbi, however it is begun: through
 * {@link newsbot.store.Database#inTransaction}, {@code handle.inTransaction} on a handle kept open (the sender's,
 * the digest writer's, the feed writer's) or {@code handle.begin()}. Jdbi's own {@code inTransaction} begins through the
 * handle, so this one place sees them all.
 */
public final class GuardedTransactions extends DelegatingTransactionHandler {

    private final HandleConsumer guard;

    public GuardedTransactions(TransactionHandler delegate, HandleConsumer guard) {
        super(delegate);
        this.guard = guard;
    }

    @Override
    public void begin(Handle handle) {
        super.begin(handle);
        try {
            guard.accept(handle);
        } catch (RuntimeException e) {
            super.rollback(handle);
            throw e;
        }
    }

    @Override
    public TransactionHandler specialize(Handle handle) throws SQLException {
        // Jdbi binds its local handler to each handle; keep the guard around the bound one
        return new GuardedTransactions(getDelegate().specialize(handle), guard);
    }
}
