package newsbot.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import newsbot.store.Database;
import newsbot.store.Subscribers;
import newsbot.telegram.MessageSender;
import newsbot.telegram.SendOutcome;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one sender of every Bot API call the bot makes: outbox rows by priority and the calls that live in memory
 * only ({@link DirectCall}: callback answers first, then edits and editors' messages with the replies). One
 * thread decides and paces with the {@link RateLimiter}; several calls wait for Telegram at once on worker threads
 * ({@link InFlightLimit}: about limit x round trip x 1.5), never two to one chat, so a chat's messages keep their
 * order and the limits are filled however far away Telegram is.
 *
 * <p>A row changes only after Telegram answered, so a crash can repeat at most the calls in flight at that
 * moment. When the database refuses to record an answer, the answer is kept in memory and recorded again with
 * backoff, and no new row is taken meanwhile: a message Telegram accepted is never sent twice. When Telegram or
 * the network fails for everybody ({@link TelegramHealth}), everything pauses and no row loses an attempt. Rows
 * past their use (old breaking alerts, old replies) are dropped and counted, not sent late.
 */
public final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** Looks at the table even without a wake-up, for rows written by a path that did not call it. */
    static final long LOOK_AGAIN_NANOS = Duration.ofSeconds(2).toNanos();
    private static final long ERROR_PAUSE_NANOS = Duration.ofSeconds(1).toNanos();
    static final long EXPIRE_EVERY_NANOS = Duration.ofSeconds(10).toNanos();
    static final Duration FIRST_RECORD_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RECORD_RETRY = Duration.ofSeconds(30);
    private static final long PAID_FLOW_NANOS = Duration.ofSeconds(1).toNanos();
    /** How long a row is worth sending when the caller does not say: replies are stale after a quarter hour. */
    public static final Map<DeliveryKind, Duration> DEFAULT_MAX_AGES =
            Map.of(DeliveryKind.REPLY, Duration.ofMinutes(15), DeliveryKind.BREAKING, Duration.ofHours(6),
                    DeliveryKind.TOPIC, Duration.ofHours(6));

    private final Database db;
    private final MessageSender sender;
    private final RateLimiter limiter;
    private final DeliveryTime time;
    private final Wakeup wakeup;
    private final DueWindow window;
    private final OutcomeHandler outcomes;
    private final InFlight inFlight;
    private final InFlightLimit limit;
    private final TelegramHealth health;
    private final OutboxTable deliveries;
    private final DeliveryCounters counters;
    private final Map<DeliveryKind, Duration> maxAges;
    private final SendFence fence;
    private final DirectCalls directs = new DirectCalls();
    private final RowCalls rowCalls = new RowCalls();
    private final PaidLane paid;
    /** When the last paid message was handed in: the in-flight limit follows the paid rate for a second after. */
    private long lastPaidNanos;
    private boolean paidFlowing;
    /** Answers Telegram gave that the database did not take yet, oldest first; their chats stay in flight. */
    private final List<InFlight.Done> unrecorded = new ArrayList<>();
    private long recordRetryAt;
    private long recordBackoffNanos = FIRST_RECORD_RETRY.toNanos();
    private long expireAt;

    private volatile boolean stopping;
    /** Set once stopped: a call handed in afterwards would wait forever. */
    private volatile boolean closed;
    private Thread thread;
    /** The loop's own connection, opened on first use and dropped after an error. */
    private Handle handle;

    /** A dispatcher that sends on its own thread, one call at a time (tests on virtual time use it). */
    public Dispatcher(Database db, Subscribers subscribers, Outbox outbox,
                      MessageSender sender, RateLimiter limiter, RetryPolicy retry, DeliveryCounters counters,
                      DeliveryTime time) {
        this(db, subscribers, outbox, sender, limiter, retry, counters, time, InFlightLimit.pinned(1),
                DEFAULT_MAX_AGES);
    }

    /** A dispatcher with exactly {@code maxInFlight} calls in flight at most. */
    public Dispatcher(Database db, Subscribers subscribers, Outbox outbox,
                      MessageSender sender, RateLimiter limiter, RetryPolicy retry, DeliveryCounters counters,
                      DeliveryTime time, int maxInFlight) {
        this(db, subscribers, outbox, sender, limiter, retry, counters, time,
                InFlightLimit.pinned(maxInFlight), DEFAULT_MAX_AGES);
    }

    /**
     * @param outbox  whose {@code wake()} cuts the dispatcher's sleep short
     * @param sender  the Telegram gateway
     * @param limiter shared by everything that sends
     * @param limit   how many calls may wait for Telegram at once
     * @param maxAges kinds of rows that are dropped, not sent, once older than this
     */
    public Dispatcher(Database db, Subscribers subscribers, Outbox outbox,
                      MessageSender sender, RateLimiter limiter, RetryPolicy retry, DeliveryCounters counters,
                      DeliveryTime time, InFlightLimit limit, Map<DeliveryKind, Duration> maxAges) {
        this(db, subscribers, outbox, sender, limiter, retry, counters, time, limit, maxAges,
                PaidLane.off(time), SendFence.NONE);
    }

    /**
     * @param paid  whether rows asking to go fast may go as paid messages, and the day's budget
     * @param fence what lets this instance take rows: the lease, for one of a pair
     */
    public Dispatcher(Database db, Subscribers subscribers, Outbox outbox,
                      MessageSender sender, RateLimiter limiter, RetryPolicy retry, DeliveryCounters counters,
                      DeliveryTime time, InFlightLimit limit, Map<DeliveryKind, Duration> maxAges, PaidLane paid,
                      SendFence fence) {
        this.fence = fence;
        this.db = db;
        this.paid = paid;
        this.sender = sender;
        this.limiter = limiter;
        this.time = time;
        this.wakeup = outbox.wakeup;
        this.deliveries = outbox.table();
        this.counters = counters;
        this.limit = limit;
        this.maxAges = Map.copyOf(maxAges);
        this.window = new DueWindow(deliveries, limiter, time);
        this.health = new TelegramHealth(time, counters);
        this.outcomes = new OutcomeHandler(this.deliveries, subscribers, limiter, retry, counters, time, health, paid);
        this.inFlight = new InFlight(limit, time);
        this.expireAt = time.nanoTime();
    }

    /** Starts the sending thread (and the call workers when more than one call may be in flight). */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("dispatcher already started");
        }
        stopping = false;
        closed = false;
        inFlight.start();
        thread = new Thread(this::run, "dispatcher");
        wakeup.bind(thread);
        // a wake-up before start must not be lost; a spurious first look costs one query
        wakeup.signal();
        thread.start();
    }

    /**
     * Hands a call that lives in memory only to the sender; its answer completes {@code call.result()}. Never
     * blocks. A call handed in after the sender stopped is answered as a passing failure at once.
     */
    public void submit(DirectCall call) {
        directs.add(call);
        if (closed) {
            directs.failAll(new SendOutcome.Transient("the sender is not running"));
        }
        wakeup.nudge();
    }

    /** What the sender is doing, for operators ({@code /stats}, logs). */
    public record Status(TelegramHealth.State telegram, int inFlight, int inFlightLimit, long roundTripMillis,
                         int unrecorded) {
        /** A sender that is not running: a standby's. */
        public static Status idle() {
            return new Status(TelegramHealth.State.UP, 0, 0, 0, 0);
        }
    }

    /** A snapshot; the numbers are read without locking and may be a step old. */
    public Status status() {
        return new Status(health.state(), inFlight.size(), limit.current(), limit.roundTripMillis(),
                unrecorded.size());
    }

    /** Whether calls that live in memory wait or are on the wire (tests stepping the sender use it). */
    boolean callsPending() {
        return !directs.isEmpty() || !inFlight.isEmpty();
    }

    /**
     * Stops taking rows, lets the calls in flight finish and be recorded, and waits up to {@code timeout}; past
     * that it interrupts the thread. Returns whether it ended. What was not sent stays pending.
     */
    public boolean stop(Duration timeout) throws InterruptedException {
        Thread t;
        synchronized (this) {
            t = thread;
            thread = null;
        }
        if (t == null) {
            return true;
        }
        stopping = true;
        wakeup.signal();
        t.join(Math.max(1, timeout.toMillis()));
        if (t.isAlive()) {
            LOG.warn("dispatcher did not stop within {} ms; interrupting it", timeout.toMillis());
            t.interrupt();
            t.join(1000);
        }
        return !t.isAlive();
    }

    private void run() {
        LOG.info("dispatcher started");
        try {
            while (!stopping) {
                long wait;
                try {
                    wait = step();
                } catch (RuntimeException e) {
                    LOG.error("dispatcher step failed; trying again in 1 s: {}", e.toString());
                    closeHandle();
                    wakeup.signal();
                    wait = ERROR_PAUSE_NANOS;
                }
                if (wait > 0 && !stopping) {
                    time.sleepNanos(wait);
                }
            }
            awaitInFlight();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("dispatcher interrupted; calls still in flight stay pending");
        } finally {
            closed = true;
            directs.failAll(new SendOutcome.Transient("the sender stopped"));
            inFlight.shutdown();
            if (!unrecorded.isEmpty()) {
                LOG.error("{} answers of Telegram could not be recorded before stopping; those messages may be sent "
                        + "again after the restart", unrecorded.size());
            }
            closeHandle();
        }
        LOG.info("dispatcher stopped");
    }

    /**
     * One decision: start one call, or say how long to wait (nanoseconds) before the next decision. Driven by the
     * thread in production and directly by tests on a virtual clock.
     */
    long step() {
        recordFinished();
        long recordWait = retryUnrecorded();
        boolean rowProbe = false;
        if (health.probeDue()) {
            health.probeStarted();
            if (!health.probeWithRow()) {
                inFlight.submit(new InFlight.ProbeJob(), this::call, wakeup::nudge);
                recordFinished();
                return 0;
            }
            rowProbe = true; // the calls rows make are down: one row, alone, finds out whether they work again
        }
        if (!health.sending() && !rowProbe) {
            directs.failAll(new SendOutcome.Transient("Telegram unreachable"));
            return Math.max(1, Math.min(health.nanosUntilProbe(), LOOK_AGAIN_NANOS));
        }
        if (paidFlowing && time.nanoTime() - lastPaidNanos > PAID_FLOW_NANOS) {
            paidFlowing = false;
            limit.paidRate(0);
        }
        if (inFlight.full()) {
            return LOOK_AGAIN_NANOS; // a finished call nudges the thread
        }
        DirectCall direct = directs.pick(limiter, inFlight);
        if (direct != null) {
            inFlight.submit(new InFlight.CallJob(direct), this::call, wakeup::nudge);
            recordFinished(); // sent on this thread: record at once, the crash window is the call alone
            return 0;
        }
        long directWait = directs.waitNanos();
        if (recordWait >= 0) {
            // the database refuses to record what Telegram accepted: take no new row until it does
            return Math.max(1, Math.min(recordWait, directWait));
        }
        long nowNanos = time.nanoTime();
        long nowMillis = time.now().toEpochMilli();
        expireIfDue(nowNanos);
        if (!fence.maySend()) {
            return LOOK_AGAIN_NANOS; // a standby's rows are the active instance's to send
        }
        if (wakeup.consume() || window.stale(nowNanos, nowMillis, LOOK_AGAIN_NANOS)) {
            if (!fence.mayClaim(handle())) {
                window.clear();
                return LOOK_AGAIN_NANOS;
            }
            window.refresh(handle(), inFlight.chats());
        }
        Delivery next = rowProbe && !inFlight.isEmpty() ? null : window.pick(directs.waitingChats());
        if (next == null) {
            if (rowProbe) {
                health.probeNotStarted();
            }
            return Math.max(1, Math.min(directWait, window.idleNanos(nowNanos, nowMillis, LOOK_AGAIN_NANOS)));
        }
        boolean goPaid = !rowProbe && next.manner().lane() == Manner.Lane.PAID && paid.available(handle());
        // an album counts as all its messages: the window must have room for every one of them
        int messages = next.request() instanceof Request.CopyAlbum album ? album.messageIds().size() : 1;
        // wait for the global slot before committing to this row: a reply or an alert may arrive meanwhile
        long globalWait = goPaid ? limiter.nanosUntilPaidFree() : limiter.nanosUntilGlobalFree(messages);
        if (globalWait > 0) {
            return globalWait;
        }
        if (stopping || !fence.maySend()
                || !(goPaid ? limiter.tryAcquirePaid(next.chatId()) : limiter.tryAcquire(next.chatId(), messages))) {
            if (rowProbe) {
                health.probeNotStarted();
            }
            return 0;
        }
        if (goPaid) {
            paid.reserve(handle());
            lastPaidNanos = nowNanos;
            paidFlowing = true;
            limit.paidRate(paid.perSecond());
        }
        Integer nextOfChat = window.sent(next);
        inFlight.submit(new InFlight.RowJob(next, nextOfChat, goPaid, rowProbe), this::call, wakeup::nudge);
        recordFinished(); // sent on this thread: record at once, the crash window is the call alone
        return 0;
    }

    /** Runs on a worker (or the loop's thread when one call at a time). */
    private SendOutcome call(InFlight.Job job) {
        try {
            if (job instanceof InFlight.RowJob row) {
                return sender.perform(rowCalls.of(row.row(), row.paid()));
            }
            if (job instanceof InFlight.CallJob direct) {
                return direct.call().call().get();
            }
            return sender.probe();
        } catch (RuntimeException e) {
            // the sender promises outcomes, not exceptions; a bug there must not stop the queue
            LOG.error("a {} call threw; treating it as a passing failure: {}", job.getClass().getSimpleName(),
                    e.toString());
            return new SendOutcome.Transient(e.toString());
        }
    }

    private void recordFinished() {
        for (InFlight.Done done = inFlight.poll(); done != null; done = inFlight.poll()) {
            boolean reachable = !(done.outcome() instanceof SendOutcome.Transient);
            if (done.job() instanceof InFlight.ProbeJob) {
                inFlight.finished(done);
                refund(health.probed(reachable, String.valueOf(done.outcome())));
            } else if (done.job() instanceof InFlight.CallJob direct) {
                inFlight.finished(done);
                finishDirect(direct.call(), done.outcome(), reachable);
            } else {
                InFlight.RowJob row = (InFlight.RowJob) done.job();
                if (reachable && !row.probe()) {
                    health.answered();
                }
                // behind kept answers, in order: recording this one first could not make them any safer
                if (!unrecorded.isEmpty() || !tryRecord(done)) {
                    keepUnrecorded(done);
                }
                if (row.probe()) {
                    // after its outcome is handled: while the outage lasts, its failure costs the row nothing
                    refund(health.probed(reachable, String.valueOf(done.outcome())));
                }
            }
        }
    }

    private void finishDirect(DirectCall call, SendOutcome outcome, boolean reachable) {
        if (reachable) {
            health.answered();
        } else {
            health.failed(outcome.toString());
        }
        if (outcome instanceof SendOutcome.RetryAfter wait) {
            limiter.retryAfter(call.chatId(), wait.delay());
        }
        call.result().complete(outcome);
    }

    /** Records a row's outcome; false when the database refused (the caller keeps it). */
    private boolean tryRecord(InFlight.Done done) {
        InFlight.RowJob job = (InFlight.RowJob) done.job();
        OutcomeHandler.Effect effect;
        try {
            effect = outcomes.handle(handle(), job.row(), done.outcome(), job.paid());
        } catch (RuntimeException e) {
            closeHandle();
            if (unrecorded.isEmpty()) {
                LOG.error("the database refuses to record what Telegram answered ({}): no new messages are taken "
                        + "until it does, so nothing is sent twice; retrying with backoff", e.toString());
            }
            return false;
        }
        inFlight.finished(done);
        window.chatFreed(job.row().chatId(), job.nextPriority());
        if (effect instanceof OutcomeHandler.Effect.Rescheduled r) {
            window.dueAt(r.at());
        } else if (effect instanceof OutcomeHandler.Effect.ChatCancelled c) {
            window.removeChat(c.chatId());
        } else if (effect instanceof OutcomeHandler.Effect.QueueChanged) {
            wakeup.signal();
        } else if (effect instanceof OutcomeHandler.Effect.ChatMoved m) {
            window.removeChat(m.oldChatId());
            wakeup.signal();
        }
        return true;
    }

    private void keepUnrecorded(InFlight.Done done) {
        if (unrecorded.isEmpty()) {
            recordRetryAt = time.nanoTime() + recordBackoffNanos;
        }
        unrecorded.add(done);
    }

    /**
     * Tries the kept answers again once their backoff is over. Returns -1 when none is kept (rows may be taken),
     * otherwise the nanoseconds until the next try.
     */
    private long retryUnrecorded() {
        if (unrecorded.isEmpty()) {
            return -1;
        }
        long now = time.nanoTime();
        if (now - recordRetryAt < 0) {
            return recordRetryAt - now;
        }
        int before = unrecorded.size();
        while (!unrecorded.isEmpty() && tryRecord(unrecorded.get(0))) {
            unrecorded.remove(0);
        }
        if (unrecorded.isEmpty()) {
            LOG.info("the database accepts writes again: {} kept answers recorded, sending resumes", before);
            recordBackoffNanos = FIRST_RECORD_RETRY.toNanos();
            wakeup.signal();
            return -1;
        }
        recordBackoffNanos = Math.min(recordBackoffNanos * 2, MAX_RECORD_RETRY.toNanos());
        recordRetryAt = now + recordBackoffNanos;
        LOG.debug("recording {} kept answers failed again; next try in {} ms", unrecorded.size(),
                recordBackoffNanos / 1_000_000);
        return recordBackoffNanos;
    }

    private void refund(List<Long> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            int n = deliveries.refundAttempt(handle(), rows);
            LOG.debug("gave back the attempt of {} rows that failed at the start of the outage", n);
        } catch (RuntimeException e) {
            closeHandle();
            LOG.warn("could not give back the attempts of {} rows that failed at the start of the outage: {}",
                    rows.size(), e.toString());
        }
    }

    private void expireIfDue(long nowNanos) {
        if (nowNanos - expireAt < 0) {
            return;
        }
        expireAt = nowNanos + EXPIRE_EVERY_NANOS;
        Instant now = time.now();
        for (Map.Entry<DeliveryKind, Duration> e : maxAges.entrySet()) {
            int n = deliveries.expirePending(handle(), e.getKey(), now.minus(e.getValue()),
                    "expired: older than " + e.getValue());
            if (n > 0) {
                counters.expired(e.getKey(), n);
                wakeup.signal();
                LOG.info("dropped {} pending {} deliveries older than {}: no longer worth sending", n,
                        e.getKey(), e.getValue());
            }
        }
    }

    /** On stop: the answers of calls already on the wire are still recorded. */
    private void awaitInFlight() throws InterruptedException {
        long deadline = time.nanoTime() + LOOK_AGAIN_NANOS * 5;
        // answers the database refused stay counted in flight: wait only for calls still on the wire
        while (inFlight.size() > unrecorded.size() && time.nanoTime() - deadline < 0) {
            recordFinished();
            retryUnrecorded();
            if (inFlight.size() > unrecorded.size()) {
                time.sleepNanos(Duration.ofMillis(20).toNanos());
            }
        }
    }

    private Handle handle() {
        if (handle == null) {
            handle = db.openHandle();
        }
        return handle;
    }

    void closeHandle() {
        if (handle != null) {
            try {
                handle.close();
            } catch (RuntimeException e) {
                LOG.warn("closing the dispatcher's database handle failed: {}", e.toString());
            }
            handle = null;
        }
    }
}
