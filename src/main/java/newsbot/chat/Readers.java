package newsbot.chat;

import newsbot.messages.Texts;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import newsbot.config.BotConfig;
import newsbot.delivery.Outbox;
import newsbot.store.Articles;
import newsbot.store.Database;
import newsbot.store.Subscriber;
import newsbot.store.SubscriberStatus;
import newsbot.store.Subscribers;
import newsbot.store.Subscriptions;

/** Reader registration and preference changes: the rules, on top of the store's plain SQL. */
final class Readers {

    private final Database db;
    private final Subscribers subscribers;
    private final Subscriptions subscriptions;
    private final Articles articles;
    private final BotConfig config;
    private final Clock clock;
    private final Outbox outbox;

    Readers(Database db, Subscribers subscribers, Subscriptions subscriptions, Articles articles, BotConfig config,
            Clock clock, Outbox outbox) {
        this.outbox = outbox;
        this.db = db;
        this.subscribers = subscribers;
        this.subscriptions = subscriptions;
        this.articles = articles;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The reader behind a message, registered with the configured defaults if new. A reader that had blocked the
     * bot and writes again is active again: writing to us is the only proof it unblocked.
     */
    Subscriber enroll(Incoming in) {
        // Every update comes through here: a known reader costs one read, outside any transaction, because a
        // transaction here takes the write lock up front (IMMEDIATE) and would queue behind every pruning batch.
        Optional<Subscriber> seen = db.withHandle(h -> subscribers.find(h, in.chatId()));
        if (seen.isPresent() && seen.get().status() != SubscriberStatus.BLOCKED) {
            return seen.get();
        }
        return db.inTransaction(h -> {
            Optional<Subscriber> known = subscribers.find(h, in.chatId());
            if (known.isPresent() && known.get().status() != SubscriberStatus.BLOCKED) {
                return known.get(); // enrolled meanwhile by a concurrent update
            }
            if (known.isEmpty()) {
                subscribers.insertIfAbsent(h, in.chatId(), in.userId(), in.chatType(),
                        Texts.languageFor(in.languageCode()), config.digest().defaultZone(),
                        config.digest().defaultTimes(), articles.maxId(h), clock.instant());
            }
            Subscriber reader = subscribers.find(h, in.chatId()).orElseThrow();
            if (reader.status() == SubscriberStatus.BLOCKED) {
                subscribers.setStatus(h, in.chatId(), SubscriberStatus.ACTIVE, clock.instant());
                reader = subscribers.find(h, in.chatId()).orElseThrow();
            }
            return reader;
        });
    }

    public Optional<Subscriber> find(long chatId) {
        return db.withHandle(h -> subscribers.find(h, chatId));
    }

    public List<String> categories(long chatId) {
        return db.withHandle(h -> subscriptions.categoriesOf(h, chatId));
    }

    /** Switches a category on or off; returns true when it is now on. */
    boolean toggle(long chatId, String slug) {
        return db.inTransaction(h -> {
            if (subscriptions.remove(h, chatId, slug)) {
                return false;
            }
            subscriptions.add(h, chatId, slug);
            return true;
        });
    }

    boolean subscribe(long chatId, String slug) {
        return db.inTransaction(h -> subscriptions.add(h, chatId, slug));
    }

    boolean unsubscribe(long chatId, String slug) {
        return db.inTransaction(h -> subscriptions.remove(h, chatId, slug));
    }

    void unsubscribeAll(long chatId) {
        db.useTransaction(h -> subscriptions.removeAll(h, chatId));
    }

    /** Sets the delivery status; a reader who stops or pauses gets nothing already queued either. */
    public void setStatus(long chatId, SubscriberStatus status) {
        db.useTransaction(h -> {
            subscribers.setStatus(h, chatId, status, clock.instant());
            if (status != SubscriberStatus.ACTIVE) {
                outbox.cancelChat(h, chatId, "reader chose " + status.name().toLowerCase(java.util.Locale.ROOT));
            }
        });
    }

    /** The forum topic the chat's pushes go to; {@code null}: the chat itself. */
    public void setThread(long chatId, Integer threadIdOrNull) {
        db.useTransaction(h -> subscribers.setThread(h, chatId, threadIdOrNull, clock.instant()));
    }

    public void setLanguage(long chatId, String language) {
        db.useTransaction(h -> subscribers.setLanguage(h, chatId, language, clock.instant()));
    }

    public void setZone(long chatId, java.time.ZoneId zone) {
        db.useTransaction(h -> subscribers.setZone(h, chatId, zone, clock.instant()));
    }

    /** The reader's categories whose breaking news come at once; the others wait for the digest. */
    public List<String> breakingCategories(long chatId) {
        return db.withHandle(h -> subscriptions.breakingCategoriesOf(h, chatId));
    }

    /**
     * Breaking alerts of one of the reader's categories on or off; switching one on also switches alerts on as a
     * whole, as asking for them means. Returns false when the reader does not have that category.
     */
    public boolean setCategoryBreaking(long chatId, String category, boolean on) {
        return db.inTransaction(h -> {
            if (subscriptions.setBreaking(h, chatId, category, on) == 0) {
                return false;
            }
            if (on) {
                subscribers.setBreakingOn(h, chatId, true, clock.instant());
            }
            return true;
        });
    }

    /** Breaking alerts on or off as a whole; on means for every category of the reader again. */
    public void setAllBreaking(long chatId, boolean on) {
        db.useTransaction(h -> {
            subscribers.setBreakingOn(h, chatId, on, clock.instant());
            if (on) {
                subscriptions.setBreaking(h, chatId, null, true);
            }
        });
    }

    void setDigestTimes(long chatId, List<java.time.LocalTime> times) {
        db.useTransaction(h -> subscribers.setDigestTimes(h, chatId, times, clock.instant()));
    }

    /**
     * Sets new digest times that apply from now on: slots that passed before the change do not count as missed,
     * so "/schedule 08:00" at 10:00 means tomorrow at 08:00, not a digest at once.
     */
    public Subscriber changeDigestTimes(long chatId, List<java.time.LocalTime> times) {
        return db.inTransaction(h -> {
            subscribers.setDigestTimes(h, chatId, times, clock.instant());
            Subscriber reader = subscribers.find(h, chatId).orElseThrow();
            if (reader.lastDigestAt().isBefore(clock.instant())) {
                subscribers.advanceDigest(h, chatId, reader.digestCursor(), clock.instant());
            }
            return subscribers.find(h, chatId).orElseThrow();
        });
    }

    /** Sets quiet hours; both {@code null} clears them. */
    public void setQuietHours(long chatId, java.time.LocalTime from, java.time.LocalTime to) {
        db.useTransaction(h -> subscribers.setQuietHours(h, chatId, from, to, clock.instant()));
    }

    public Clock clock() {
        return clock;
    }

    /** Marks a chat that removed or blocked the bot (a my_chat_member update). */
    void markBlocked(long chatId) {
        db.useTransaction(h -> subscribers.find(h, chatId).ifPresent(s -> {
            subscribers.setStatus(h, chatId, SubscriberStatus.BLOCKED, clock.instant());
            outbox.cancelChat(h, chatId, "blocked: the chat removed the bot");
        }));
    }
}
