package newsbot.admin;

import java.util.Optional;
import newsbot.store.BroadcastRow;
import newsbot.store.BroadcastsRepo;
import newsbot.store.CampaignState;
import newsbot.store.CorrectionRow;
import newsbot.store.Database;

/**
 * What a correction acts on: a broadcast (named by a reply to its preview, control message, progress message or
 * report, or {@code #id}) or the breaking alert of an article (named by its id or link, as {@code /breaking} names
 * it).
 *
 * @param state a broadcast's state (a draft has nothing to correct; a running one still copies its source); an alert
 *              went out whole, so it counts as DONE
 */
record Target(CorrectionRow.Target ref, CampaignState state) {

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

        /** The broadcast one of whose messages the editor replied to. */
        Optional<Target> replied(long chatId, int messageId) {
            return db.withHandle(h -> broadcasts.findByMessage(h, chatId, messageId).map(Finder::broadcast));
        }

        /** {@code #12} names broadcast 12; anything else an article by id or link. */
        Optional<Target> named(String word) {
            if (word.matches("#\\d{1,18}")) {
                long id = Long.parseLong(word.substring(1));
                return db.withHandle(h -> broadcasts.find(h, id).map(Finder::broadcast));
            }
            return breaking.find(word).map(a -> new Target(new CorrectionRow.Target(CorrectionRow.TargetKind.BREAKING,
                    a.id(), newsbot.store.BroadcastContent.TEXT), CampaignState.DONE));
        }

        private static Target broadcast(BroadcastRow b) {
            return new Target(new CorrectionRow.Target(CorrectionRow.TargetKind.BROADCAST, b.id(),
                    b.content().type()), b.state());
        }
    }
}
