package newsbot.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import newsbot.store.BotState;
import newsbot.store.Database;
import newsbot.telegram.PollingStatus;

/**
 * Whether the bot does its job, as {@code GET /health} reports it: the database takes a write (a heartbeat key in
 * {@code bot_state}), the update loop runs (long polling started, and a getUpdates came back 200 lately or one is
 * open since lately), and Telegram answered lately (or holds such an open poll). "Lately" is a few long polls: an
 * idle poll answers every {@code longPoll} seconds.
 */
public final class HealthCheck {

    static final String HEARTBEAT_KEY = "health_heartbeat";
    /** Three idle long polls of 50 s and some: one slow or lost poll is no reason to restart the bot. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofMinutes(3);

    private final Database db;
    private final BotState state = new BotState();
    private final BooleanSupplier pollingStarted;
    private final Supplier<PollingStatus> polling;
    private final Supplier<Optional<Instant>> lastAsked;
    private final Clock clock;
    private final Duration staleAfter;
    private final Role role;

    /**
     * @param pollingStarted whether the long-polling session was registered (Telegram answered at start-up)
     * @param polling        what the last getUpdates answers showed
     * @param lastAsked      when the update loop last sent a getUpdates, if it has
     */
    public HealthCheck(Database db, BooleanSupplier pollingStarted, Supplier<PollingStatus> polling,
                       Supplier<Optional<Instant>> lastAsked, Clock clock, Duration staleAfter) {
        this(db, pollingStarted, polling, lastAsked, clock, staleAfter, Role.SINGLE);
    }

    /**
     * An instance's role in a pair, {@code "active <name>"} or {@code "standby <name>"}; empty for a single
     * instance, whose report stays as it always was.
     */
    @FunctionalInterface
    public interface Role {
        Role SINGLE = Optional::empty;

        Optional<String> describe();
    }

    /** @param role a pair's role: a standby is healthy while it reaches the database; it neither polls nor sends */
    public HealthCheck(Database db, BooleanSupplier pollingStarted, Supplier<PollingStatus> polling,
                       Supplier<Optional<Instant>> lastAsked, Clock clock, Duration staleAfter, Role role) {
        this.role = role;
        this.db = db;
        this.pollingStarted = pollingStarted;
        this.polling = polling;
        this.lastAsked = lastAsked;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /** The verdict and, when unhealthy, one short reason per failing check; a pair's instance says its role. */
    public record Report(List<String> problems, Optional<String> role) {
        public Report {
            problems = List.copyOf(problems);
        }

        public Report(List<String> problems) {
            this(problems, Optional.empty());
        }

        public boolean healthy() {
            return problems.isEmpty();
        }
    }

    public Report check() {
        List<String> problems = new ArrayList<>();
        Instant now = clock.instant();
        Optional<String> pair = role.describe();
        if (pair.isPresent() && pair.get().startsWith("standby")) {
            // waiting is its job: healthy while it can see the lease it waits for
            try {
                db.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            } catch (RuntimeException e) {
                problems.add("database unreachable: " + firstLine(e));
            }
            return new Report(problems, pair);
        }
        databaseWritable(now).ifPresent(problems::add);
        PollingStatus status = polling.get();
        boolean waiting = openPoll(status, now);
        if (!pollingStarted.getAsBoolean()) {
            problems.add("update loop not running: long polling has not started");
        } else if (!recent(status.lastOk(), now) && !waiting) {
            problems.add("update loop stalled: no getUpdates answered 200 " + since(status.lastOk(), now)
                    + " (polling state " + status.state() + ")");
        }
        if (!recent(status.lastAnswer(), now) && !waiting) {
            problems.add("Telegram has not answered " + since(status.lastAnswer(), now));
        }
        return new Report(problems, pair);
    }

    /**
     * Whether a getUpdates went out lately and waits for its answer, the last answer (if any) having been a 200:
     * Telegram holds a long poll open until an update comes or its timeout, which after a clean start is the first
     * answer of all. A poll asked after a refusal proves nothing: the refusal stands until a 200.
     */
    private boolean openPoll(PollingStatus status, Instant now) {
        Optional<Instant> asked = lastAsked.get();
        boolean lastAnswerOk = status.lastAnswer().equals(status.lastOk());
        boolean unanswered = status.lastAnswer().map(answer -> asked.isPresent() && asked.get().isAfter(answer))
                .orElse(asked.isPresent());
        return lastAnswerOk && unanswered && recent(asked, now);
    }

    private Optional<String> databaseWritable(Instant now) {
        try {
            db.useTransaction(h -> state.put(h, HEARTBEAT_KEY, now.toString()));
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("database not writable: " + firstLine(e));
        }
    }

    private boolean recent(Optional<Instant> at, Instant now) {
        return at.isPresent() && Duration.between(at.get(), now).compareTo(staleAfter) <= 0;
    }

    private static String since(Optional<Instant> at, Instant now) {
        return at.map(t -> "for " + Duration.between(t, now).toSeconds() + " s").orElse("since start");
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
