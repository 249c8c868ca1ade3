package newsbot.digest;

import newsbot.messages.Texts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import newsbot.config.BotConfig;
import newsbot.delivery.DeliveryTime;
import newsbot.delivery.Outbox;
import newsbot.store.Database;
import newsbot.store.Subscribers;
import newsbot.store.Subscriptions;

/**
 * The digest an imaginary reader would get now, composed by exactly the code that composes real digests: for
 * editors checking the format without Telegram ({@code preview} on the command line).
 */
public final class DigestDraft {

    private static final long PREVIEW_CHAT = 1;

    private final BotConfig config;
    private final Database db;
    private final Digests digests;

    public DigestDraft(BotConfig config, Database db, Texts texts) {
        this.config = config;
        this.db = db;
        Outbox notUsedByCompose = new Outbox(DeliveryTime.system());
        this.digests = new Digests(db, notUsedByCompose, texts, config.categories(), DigestOptions.from(config));
    }

    /**
     * The digest's HTML for a new reader of {@code categories} (all when empty) in {@code language} who has seen
     * nothing yet, or empty when the feeds hold nothing for them.
     */
    public Optional<String> compose(List<String> categories, String language, Instant now) {
        return db.inTransaction(h -> {
            Subscribers subscribers = new Subscribers();
            subscribers.insertIfAbsent(h, PREVIEW_CHAT, PREVIEW_CHAT, "private", language,
                    config.digest().defaultZone(), config.digest().defaultTimes(), 0, now);
            // An ordinary digest of everything fetched, not the 24-hour "what's new today": feeds checked with
            // preview may be quiet for a day, and the format is what the editor wants to see.
            subscribers.markFirstDigest(h, List.of(PREVIEW_CHAT), now);
            Subscriptions subscriptions = new Subscriptions();
            subscriptions.removeAll(h, PREVIEW_CHAT);
            List<String> chosen = categories.isEmpty()
                    ? config.categories().stream().map(c -> c.slug()).toList() : categories;
            chosen.forEach(slug -> subscriptions.add(h, PREVIEW_CHAT, slug));
            return digests.compose(h, PREVIEW_CHAT, now).map(Outbox.Message::html);
        });
    }
}
