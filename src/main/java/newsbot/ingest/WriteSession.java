package newsbot.ingest;

import java.util.concurrent.locks.ReentrantLock;
import newsbot.store.Database;
import org.jdbi.v3.core.Handle;

/**
 * The poller's one connection, used by its threads in turn. Opening a SQLite connection per statement costs more
 * than the statement (a 304 needs one UPDATE), and taking turns here rather than in SQLite's busy handler, which
 * polls with sleeps, keeps the poller's own writes from contending with each other.
 */
final class WriteSession implements AutoCloseable {

    private final Database db;
    private final ReentrantLock lock = new ReentrantLock();
    private Handle handle; // guarded by lock

    WriteSession(Database db) {
        this.db = db;
    }

    /** Runs {@code work} in one transaction on the shared connection. */
    <T> T inTransaction(Database.HandleFunction<T> work) {
        lock.lock();
        try {
            return use(h -> h.inTransaction(work::apply));
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} (single statements, each committed on its own) on the shared connection. */
    <T> T withHandle(Database.HandleFunction<T> work) {
        lock.lock();
        try {
            return use(work);
        } finally {
            lock.unlock();
        }
    }

    private <T> T use(Database.HandleFunction<T> work) {
        if (handle == null) {
            handle = db.openHandle();
        }
        try {
            return work.apply(handle);
        } catch (RuntimeException e) {
            // The connection may be what failed: the next use starts on a fresh one.
            closeHandle();
            throw e;
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closeHandle();
        } finally {
            lock.unlock();
        }
    }

    private void closeHandle() {
        if (handle != null) {
            Handle h = handle;
            handle = null;
            try {
                h.close();
            } catch (RuntimeException e) {
                // already broken; nothing left to release
            }
        }
    }
}
