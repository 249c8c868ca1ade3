package newsbot.delivery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import newsbot.config.BotConfig;
import newsbot.store.PaidSpending;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a row asked to go fast (allow_paid_broadcast) may go paid now: paid broadcasts are on, Telegram has not
 * refused them, and the day's Stars budget still pays for it counting every paid call in flight, so the budget is
 * never exceeded. Otherwise the row goes at the free rate. A paid call is written to the day's ledger before it goes
 * and taken back only once Telegram refused it: a crash or a takeover with paid calls on the wire leaves them
 * counted, so the budget holds even for calls whose answers were never recorded. Used by the sender's thread;
 * {@link #snapshot} from anywhere.
 */
public final class PaidLane {

    private static final Logger LOG = LoggerFactory.getLogger(PaidLane.class);

    private final BotConfig.Paid config;
    private final PaidSpending ledger = new PaidSpending();
    private final DeliveryTime time;
    private LocalDate day;
    private int sentToday;
    private int inFlight;
    private String refusal;
    private boolean budgetSpentSaid;

    public PaidLane(BotConfig.Paid config, DeliveryTime time) {
        this.config = config;
        this.time = time;
    }

    /** A lane that never pays: paid broadcasts off. */
    public static PaidLane off(DeliveryTime time) {
        return new PaidLane(BotConfig.Paid.OFF, time);
    }

    /** The paid messages per second when this lane is used. */
    public int perSecond() {
        return config.perSecond();
    }

    public boolean enabled() {
        return config.enabled();
    }

    /**
     * Whether one more paid message fits: paid broadcasts on, not refused by Telegram, and today's budget pays for
     * it beyond those already sent and those in flight.
     */
    synchronized boolean available(Handle h) {
        if (!config.enabled()) {
            return false;
        }
        rollDay(h);
        if (refusal != null) {
            return false;
        }
        if (sentToday + inFlight >= config.messagesPerDay()) {
            if (!budgetSpentSaid) {
                budgetSpentSaid = true;
                LOG.warn("paid broadcasts: today's budget of {} Stars is spent ({} paid messages); the rest goes at the "
                        + "free rate", config.budgetStars(), sentToday);
            }
            return false;
        }
        return true;
    }

    /**
     * A paid call is about to go: it is in today's ledger before it is on the wire, and counts against the budget
     * until {@link #settled}. Throws when the database refuses, and then the call does not go paid.
     */
    void reserve(Handle h) {
        LocalDate today;
        synchronized (this) {
            today = day;
        }
        ledger.add(h, today, 1);
        synchronized (this) {
            inFlight++;
        }
    }

    /**
     * A reserved paid call was answered: {@code delivered}, one more paid message today (already in the ledger);
     * otherwise its reservation is taken back on {@code h}, in the transaction that records the answer.
     */
    void settled(Handle h, boolean delivered) {
        LocalDate reservedOn;
        synchronized (this) {
            inFlight = Math.max(0, inFlight - 1);
            if (delivered) {
                sentToday++;
                return;
            }
            reservedOn = day;
        }
        ledger.add(h, reservedOn, -1);
    }

    /** Telegram refused a paid message (the bot does not meet its conditions, or its Stars ran out). */
    synchronized void refused(String reason) {
        if (refusal == null) {
            refusal = reason;
            LOG.warn("paid broadcasts: Telegram refused a paid message ({}); sending at the free rate until restart "
                    + "or the next UTC day", reason);
        }
    }

    /** What {@code /stats} shows. */
    public synchronized Snapshot snapshot() {
        return new Snapshot(config.enabled(), sentToday, config.cost(sentToday), config.budgetStars(), refusal);
    }

    /** Today's spending as the sender sees it; {@code refusal} is null unless Telegram refused paid messages. */
    public record Snapshot(boolean enabled, int messagesToday, BigDecimal starsToday, int budgetStars,
                           String refusal) {
    }

    private void rollDay(Handle h) {
        LocalDate today = LocalDate.ofInstant(time.now(), ZoneOffset.UTC);
        if (!today.equals(day)) {
            day = today;
            sentToday = ledger.messagesOn(h, today);
            budgetSpentSaid = false;
            refusal = null;
        }
    }
}
