package newsbot.admin.corrections;

import java.util.Optional;
import newsbot.admin.BreakingPush;
import newsbot.delivery.DeliveryKind;
import newsbot.store.BroadcastRow;
import newsbot.store.BroadcastsRepo;
import newsbot.store.Database;

/**
 * What a correction acts on: a broadcast (named by a reply to its preview or report, or {@code #id}) or the
 * breaking alert of an article (named by its id or link, as {@code /breaking} names it).
 *
 * @param kind    the outbox kind of its copies, BROADCAST or BREAKING
 * @param ref     the copies' ref_id: the broadcast's or the article's id
 * @param content {@code html} for text, else the kind of message a broadcast copied (photo, album, poll…)
 * @param state   a broadcast's state (a draft has nothing to correct), {@code null} for an alert
 */
record Target(String kind, long ref, String content, String state) {

    boolean isBroadcast() {
        return DeliveryKind.BROADCAST.name().equals(kind);
    }

    /** Finds targets for the commands. */
    static final class Finder {

        private final Database db;
        private final BroadcastsRepo broadcasts;
        private final BreakingPush breaking;

        Finder(Database db, BroadcastsRepo broadcasts, BreakingPush breaking) {
            this.db = db;
            this.broadcasts = broadcasts;
            this.breaking = breaking;
        }

        /** The broadcast whose preview, progress message or report the editor replied to. */
        Optional<Target> replied(long chatId, int messageId) {
            return db.withHandle(h -> broadcasts.findByMessage(h, chatId, messageId)
                    .map(Finder::broadcast));
        }

        /** {@code #12} names broadcast 12; anything else an article by id or link. */
        Optional<Target> named(String word) {
            if (word.matches("#\\d{1,18}")) {
                long id = Long.parseLong(word.substring(1));
                return db.withHandle(h -> broadcasts.find(h, id).map(Finder::broadcast));
            }
            return breaking.find(word).map(a -> new Target(DeliveryKind.BREAKING.name(), a.id(), "html", null));
        }

        private static Target broadcast(BroadcastRow b) {
            return new Target(DeliveryKind.BROADCAST.name(), b.id(), b.content(), b.state());
        }
    }
}
