package newsbot.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import newsbot.config.ChannelConfig;
import newsbot.delivery.Outbox;
import newsbot.store.Articles;
import newsbot.store.Channels;
import newsbot.store.Database;
import newsbot.store.SubscriberStatus;
import newsbot.store.Subscribers;
import newsbot.store.Subscriptions;
import newsbot.telegram.SendOutcome;
import newsbot.telegram.TelegramGateway;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the configured channels postable: registers each one as a target of breaking news and digests (its
 * subscriber row, chat type {@code channel}), resolves a {@code @username} with getChat, and asks getChatMember
 * whether the bot may post there. While it may not, the channel's posts are held in the outbox (never failed) and
 * one log line says what to fix; the next check that finds it fixed lets them go.
 */
public final class ChannelCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelCheck.class);

    private final List<ChannelConfig> configured;
    private final Database db;
    private final TelegramGateway telegram;
    private final long botId;
    private final Outbox outbox;
    private final Clock clock;
    private final Channels channels = new Channels();
    private final Subscribers subscribers = new Subscribers();
    private final Subscriptions subscriptions = new Subscriptions();
    private final Articles articles = new Articles();
    /** The last problem logged per channel, so a check that finds the same one again stays quiet. */
    private final Map<String, String> logged = new HashMap<>();

    /** @param botId the bot's own user id (the digits before the token's colon) */
    public ChannelCheck(List<ChannelConfig> configured, Database db, TelegramGateway telegram, long botId,
                        Outbox outbox, Clock clock) {
        this.configured = List.copyOf(configured);
        this.db = db;
        this.telegram = telegram;
        this.botId = botId;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Registers the configured channels and applies their settings; a channel taken out of the config, or moved to
     * another chat, gets nothing more at its old chat. No Telegram call.
     */
    public void register() {
        db.useTransaction(h -> {
            Map<String, ChannelConfig> byKey = new HashMap<>();
            configured.forEach(c -> byKey.put(c.id(), c));
            for (Channels.ChannelRow old : channels.all(h)) {
                ChannelConfig now = byKey.get(old.key());
                if (now != null && now.chat().equals(old.chatRef())) {
                    continue;
                }
                if (old.chatId() != null) {
                    subscribers.setStatus(h, old.chatId(), SubscriberStatus.STOPPED, clock.instant());
                    outbox.cancelChat(h, old.chatId(), "channel " + old.key() + " no longer configured for this chat");
                }
                if (now == null) {
                    channels.delete(h, old.key());
                }
                LOG.info("channel {} ({}): no longer configured{}, nothing more is posted there", old.key(),
                        old.chatRef(), now == null ? "" : " for this chat");
            }
            for (ChannelConfig c : configured) {
                Long numeric = c.numericChatId().isPresent() ? c.numericChatId().getAsLong() : null;
                channels.upsert(h, c.id(), c.chat(), numeric);
                Long chatId = channels.find(h, c.id()).map(Channels.ChannelRow::chatId).orElse(null);
                if (chatId != null) {
                    applySettings(h, c, chatId);
                }
            }
        });
    }

    /** Checks every configured channel now (at start-up and every few minutes). */
    public synchronized void checkAll() {
        for (ChannelConfig c : configured) {
            try {
                check(c);
            } catch (RuntimeException e) {
                LOG.warn("channel {}: check failed: {}", c.id(), e.toString());
            }
        }
    }

    private void check(ChannelConfig c) {
        Channels.ChannelRow row = db.withHandle(h -> channels.find(h, c.id())).orElseThrow(
                () -> new IllegalStateException("channel " + c.id() + " not registered"));
        Long chatId = row.chatId();
        String type;
        {
            // asked every time: it tells a channel from a group, and notices a username that moved to another chat
            TelegramGateway.ChatInfo info = telegram.chatInfo(c.chat());
            if (info.outcome() instanceof SendOutcome.Transient) {
                return; // Telegram cannot be asked now: the next check will
            }
            if (!info.found()) {
                record(c, "Telegram does not know the chat " + c.chat() + " (" + reason(info.outcome())
                        + "): check channel." + c.id() + ".chat and add the bot to the channel as an administrator");
                return;
            }
            type = info.type();
            if (chatId == null || chatId != info.id()) {
                long resolved = info.id();
                db.useTransaction(h -> {
                    channels.setChatId(h, c.id(), resolved);
                    applySettings(h, c, resolved);
                });
                chatId = resolved;
            }
        }
        TelegramGateway.MemberRights rights = telegram.memberRights(chatId, botId);
        if (rights.outcome() instanceof SendOutcome.Transient) {
            return;
        }
        record(c, problem(c, type, rights));
    }

    private static String problem(ChannelConfig c, String type, TelegramGateway.MemberRights rights) {
        if (!(rights.outcome() instanceof SendOutcome.Delivered)) {
            return "the bot is not in " + c.chat() + " (" + reason(rights.outcome()) + "): add it as an administrator "
                    + "with the right to post messages";
        }
        if ("left".equals(rights.status()) || "kicked".equals(rights.status())) {
            return "the bot is not in " + c.chat() + " (" + rights.status() + "): add it as an administrator with the "
                    + "right to post messages";
        }
        boolean admin = "administrator".equals(rights.status()) || "creator".equals(rights.status());
        boolean channel = "channel".equals(type);
        if (channel && !admin) {
            return "the bot is a " + rights.status() + " of " + c.chat() + ", not an administrator: make it an "
                    + "administrator with the right \"Post messages\"";
        }
        if (!rights.canPost()) {
            return "the bot may not post in " + c.chat() + ": give its administrator right \"Post messages\""
                    + (channel ? "" : " (or lift its restriction)");
        }
        return null;
    }

    private void record(ChannelConfig c, String problem) {
        db.useTransaction(h -> channels.setProblem(h, c.id(), problem, clock.instant()));
        String before = logged.put(c.id(), problem == null ? "" : problem);
        if (problem != null && !problem.equals(before)) {
            LOG.warn("channel {} ({}): cannot post, its posts wait in the outbox: {}", c.id(), c.chat(), problem);
        } else if (problem == null && !"".equals(before)) {
            LOG.info("channel {} ({}): the bot can post there", c.id(), c.chat());
        }
        if (problem == null) {
            outbox.wake();
        }
    }

    private void applySettings(Handle h, ChannelConfig c, long chatId) {
        Instant now = clock.instant();
        // A new channel starts after the articles already stored, as a new reader does; its first digest still
        // holds the day's latest
        subscribers.insertIfAbsent(h, chatId, null, "channel", c.language(), c.zone(), c.digestTimes(),
                articles.maxId(h), now);
        subscribers.setLanguage(h, chatId, c.language(), now);
        subscribers.setZone(h, chatId, c.zone(), now);
        subscribers.setDigestTimes(h, chatId, c.digestTimes(), now);
        subscribers.setBreakingOn(h, chatId, c.breaking(), now);
        subscribers.setSilent(h, chatId, c.silent(), now);
        subscribers.setThread(h, chatId, c.threadId(), now);
        subscribers.setStatus(h, chatId, SubscriberStatus.ACTIVE, now);
        subscriptions.removeAll(h, chatId);
        for (String slug : c.categories()) {
            subscriptions.add(h, chatId, slug);
        }
    }

    private static String reason(SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Blocked b) {
            return b.reason();
        }
        if (outcome instanceof SendOutcome.ChatGone g) {
            return g.reason();
        }
        if (outcome instanceof SendOutcome.Rejected r) {
            return r.errorCode() + " " + r.reason();
        }
        return Objects.toString(outcome);
    }
}
