package newsbot.store;

import java.time.Instant;

/**
 * One row of the {@code broadcasts} table, in its parts.
 *
 * @param campaign where it stands
 * @param content  what is sent
 * @param audience {@code all}, {@code cat=<slug>} or {@code lang=<ru|en>}
 * @param total    readers in the audience (at the preview, then at Send, then exactly what was enqueued)
 * @param schedule when a scheduled draft starts by itself (kept after the start, for the "late" note), or
 *                 {@code null}: on Send only
 */
public record BroadcastRow(Campaign campaign, BroadcastContent content, String audience, int total,
                           Options options, Schedule schedule)
        implements CampaignRow {

    /** Pin the message in readers' chats once delivered. */
    public enum Pin { NONE, PIN }

    /** How it is sent: within the free limits, or fast as paid messages within the daily budget. */
    public enum Lane { FREE, PAID }

    /** What the editor chose on the preview. */
    public record Options(Pin pin, Lane lane) {

        public static final Options DEFAULT = new Options(Pin.NONE, Lane.FREE);

        public boolean pinned() {
            return pin == Pin.PIN;
        }

        public boolean paid() {
            return lane == Lane.PAID;
        }

        public Options withPin(Pin p) {
            return new Options(p, lane);
        }

        public Options withLane(Lane l) {
            return new Options(pin, l);
        }
    }

    /** A time and the editor's zone it was given in. */
    public record Schedule(Instant at, String zone) {
    }

}
