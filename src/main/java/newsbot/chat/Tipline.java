package newsbot.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newsbot.config.BotConfig;
import newsbot.config.Languages;
import newsbot.delivery.Delivery;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.Manner;
import newsbot.delivery.NewRow;
import newsbot.delivery.Outbox;
import newsbot.delivery.Replier;
import newsbot.delivery.Request;
import newsbot.html.Html;
import newsbot.messages.Texts;
import newsbot.store.Database;
import newsbot.store.Tips;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Readers' tips to the editors: {@code /tip} (or the button under {@code /help}) opens a tip, the reader's next
 * messages of any kind are its parts, and Send delivers it to the desk ({@code editorial.desk-chat}, or every admin
 * privately) as copies through the outbox under a header with its number, the reader's language and, only with
 * their consent, their name. The copies are REPLY rows whose ref is the tip's number negated (updates' replies have
 * positive refs), so an editor's reply to any of them finds the tip and reaches the reader as the bot's copy,
 * without the editor's name. A blocked tipster's tips are accepted as usual and go nowhere.
 */
public final class Tipline implements TipHooks {

    private static final Logger LOG = LoggerFactory.getLogger(Tipline.class);
    public static final String PREFIX = "tip:";
    /** Parts of the rows that answer the reader: above any tip's own parts. */
    private static final int ANSWER_PARTS = 1_000_000;

    /** The tip buttons. */
    enum Button {
        START, SEND, NAMED, CANCEL;

        String data() {
            return PREFIX + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final BotConfig config;
    private final Database db;
    private final Outbox outbox;
    private final Texts texts;
    private final Clock clock;
    private final Replier replier;
    private final Tips tips = new Tips();

    public Tipline(BotConfig config, Database db, Outbox outbox, Texts texts, Replier replier, Clock clock) {
        this.replier = replier;
        this.config = config;
        this.db = db;
        this.outbox = outbox;
        this.texts = texts;
        this.clock = clock;
    }

    /** {@code /tip}: opens the reader's tip (or keeps the open one) and says what to do. */
    CommandHandler command() {
        return c -> {
            if (!c.incoming().isPrivate()) {
                c.replyWith("admin.private.only");
                return;
            }
            db.useTransaction(h -> tips.openOrNew(h, c.chatId(), c.language(), clock.instant()));
            c.reply(c.text("tip.intro"), buttons(c.language()));
        };
    }

    /** The button under {@code /help}. */
    InlineKeyboardMarkup helpButton(String language) {
        return new InlineKeyboardMarkup(List.of(new InlineKeyboardRow(button(language, "tip.button.start",
                Button.START))));
    }

    private InlineKeyboardMarkup buttons(String language) {
        return new InlineKeyboardMarkup(List.of(
                new InlineKeyboardRow(button(language, "tip.button.send", Button.SEND)),
                new InlineKeyboardRow(button(language, "tip.button.named", Button.NAMED)),
                new InlineKeyboardRow(button(language, "tip.button.cancel", Button.CANCEL))));
    }

    private InlineKeyboardButton button(String language, String key, Button b) {
        InlineKeyboardButton button = new InlineKeyboardButton(texts.get(language, key));
        button.setCallbackData(b.data());
        return button;
    }

    /** Whether the chat has a tip open: its next messages are parts of it. */
    @Override
    public boolean collecting(long chatId) {
        return db.withHandle(h -> tips.open(h, chatId)).isPresent();
    }

    /** A reader's message while their tip is open: one more part (an album answers once). */
    @Override
    public CommandHandler part() {
        return c -> {
            Message m = c.message();
            boolean answer = db.inTransaction(h -> {
                Optional<Tips.Tip> tip = tips.open(h, c.chatId());
                if (tip.isEmpty()) {
                    return false;
                }
                tips.setContact(h, tip.get().id(), contact(m.getFrom()));
                return tips.add(h, tip.get().id(), new Tips.Part(m.getMessageId(), m.getMediaGroupId()));
            });
            if (answer) {
                c.reply(c.text("tip.added"), buttons(c.language()));
            }
        };
    }

    private static String contact(User from) {
        if (from == null) {
            return "";
        }
        String name = (from.getFirstName() == null ? "" : from.getFirstName())
                + (from.getLastName() == null ? "" : " " + from.getLastName());
        return name.strip() + (from.getUserName() == null ? "" : " @" + from.getUserName()) + " (id " + from.getId()
                + ")";
    }

    /** The tip buttons: open, send (anonymously or with the name), cancel. */
    CallbackHandler buttons() {
        return (callback, reader) -> {
            String lang = reader.language();
            String data = callback.data();
            String toast = null;
            if (data.equals(Button.START.data())) {
                db.useTransaction(h -> tips.openOrNew(h, callback.chatId(), lang, clock.instant()));
                callback.reply(new newsbot.telegram.OutgoingMessage(callback.chatId(), texts.get(lang, "tip.intro"),
                        false, false, buttons(lang)));
            } else if (data.equals(Button.CANCEL.data())) {
                db.useTransaction(h -> tips.dropOpen(h, callback.chatId()));
                toast = texts.get(lang, "tip.cancelled");
            } else {
                toast = send(callback.chatId(), lang, data.equals(Button.NAMED.data()));
            }
            replier.answerCallback(callback.id(), toast);
        };
    }


    /** Send: the open tip to the desk, if the reader may send one more today. Returns the answer to the press. */
    private String send(long chatId, String lang, boolean consent) {
        Instant now = clock.instant();
        BotConfig.TipDesk desk = config.newsroom().tips();
        record Outcome(String key, long id) {
        }
        Outcome o = db.inTransaction(h -> {
            Optional<Tips.Tip> open = tips.open(h, chatId);
            if (open.isEmpty()) {
                return new Outcome("tip.none", 0);
            }
            Tips.Tip tip = open.get();
            List<Tips.Part> parts = tips.parts(h, tip.id());
            if (parts.isEmpty()) {
                return new Outcome("tip.empty", tip.id());
            }
            if (tips.sentSince(h, chatId, now.minus(Duration.ofDays(1))) >= desk.perDay()) {
                return new Outcome("tip.limit", desk.perDay());
            }
            tips.markSent(h, tip.id(), consent, now);
            if (tips.blocked(h, chatId)) {
                LOG.info("tip {} from a blocked chat: not delivered", tip.id());
            } else {
                deliver(h, tip, parts, consent ? tips.contact(h, tip.id()) : Optional.empty());
            }
            return new Outcome("tip.sent", tip.id());
        });
        return texts.get(lang, o.key(), o.id());
    }

    private void deliver(Handle h, Tips.Tip tip, List<Tips.Part> parts, Optional<String> contact) {
        String lang = Languages.DEFAULT;
        String header = texts.get(lang, "tip.header", tip.id(), tip.language(),
                contact.map(c -> texts.get(lang, "tip.header.contact", Html.escape(c)))
                        .orElse(texts.get(lang, "tip.header.anonymous")));
        // the parts in order, an album's parts together where its first one stood
        Map<String, List<Long>> groups = new LinkedHashMap<>();
        for (Tips.Part p : parts) {
            groups.computeIfAbsent(p.mediaGroupId() == null ? "#" + p.messageId() : p.mediaGroupId(),
                    k -> new ArrayList<>()).add(p.messageId());
        }
        List<Request> requests = new ArrayList<>();
        requests.add(new Request.SendText(header));
        for (List<Long> ids : groups.values()) {
            requests.add(ids.size() == 1 ? new Request.Copy(tip.chatId(), ids.get(0), "")
                    : new Request.CopyAlbum(tip.chatId(), ids));
        }
        List<NewRow> rows = new ArrayList<>();
        for (long deskChat : deskChats()) {
            for (int i = 0; i < requests.size(); i++) {
                rows.add(new NewRow(deskChat, DeliveryKind.REPLY, -tip.id(), i, requests.get(i), Manner.PLAIN,
                        clock.instant()));
            }
        }
        // one call per row: a batch inserts albums ahead of the rest, and the desk must read the header first
        rows.forEach(row -> outbox.enqueueRows(h, List.of(row)));
        LOG.info("tip {} ({} messages) sent to {} desk chat(s){}", tip.id(), parts.size(), deskChats().size(),
                contact.isPresent() ? ", with the reader's contact" : "");
    }

    private List<Long> deskChats() {
        long desk = config.newsroom().tips().deskChat();
        return desk == BotConfig.TipDesk.EVERY_ADMIN ? List.copyOf(config.telegram().admins()) : List.of(desk);
    }

    /**
     * An editor's message in a desk chat replying to a tip's copy: it reaches the reader as the bot's copy. Returns
     * whether it was one (then nothing else handles it).
     */
    @Override
    public boolean deskReply(Message m) {
        Message replied = m.getReplyToMessage();
        if (replied == null || m.getFrom() == null || !deskChats().contains(m.getChatId())
                || !config.isEditor(m.getFrom().getId())) {
            return false;
        }
        long chat = m.getChatId();
        long repliedId = replied.getMessageId();
        Optional<Long> tipId = db.withHandle(h -> outbox.forChat(h, chat).stream()
                .filter(d -> d.kind() == DeliveryKind.REPLY && d.refId() < 0 && d.part() < ANSWER_PARTS
                        && d.sent().messageIds().contains(repliedId))
                .map(Delivery::refId).findFirst().map(ref -> -ref));
        if (tipId.isEmpty()) {
            return false;
        }
        db.useTransaction(h -> tips.find(h, tipId.get()).ifPresent(tip -> {
            outbox.enqueueRows(h, List.of(
                    new NewRow(tip.chatId(), DeliveryKind.REPLY, -tip.id(), ANSWER_PARTS + 2 * m.getMessageId(),
                            new Request.SendText(texts.get(tip.language(), "tip.answer", tip.id())), Manner.PLAIN,
                            clock.instant()),
                    new NewRow(tip.chatId(), DeliveryKind.REPLY, -tip.id(), ANSWER_PARTS + 2 * m.getMessageId() + 1,
                            new Request.Copy(chat, m.getMessageId(), ""), Manner.PLAIN, clock.instant())));
        }));
        LOG.info("editor {} answered tip {}", m.getFrom().getId(), tipId.get());
        return true;
    }

    /** {@code /block <tip number>}: the tipster's later tips go nowhere, and they are not told. */
    public CommandHandler blockCommand() {
        return c -> {
            long id;
            try {
                id = Long.parseLong(c.args().strip().replace("#", ""));
            } catch (NumberFormatException e) {
                c.replyWith("tip.block.usage");
                return;
            }
            Long by = c.incoming().userId();
            boolean done = db.inTransaction(h -> tips.find(h, id).map(t -> {
                tips.block(h, t.chatId(), by == null ? 0 : by, clock.instant());
                return true;
            }).orElse(false));
            c.replyWith(done ? "tip.block.done" : "tip.block.unknown", id);
        };
    }

    /** Forgets tips older than {@code editorial.tip-retention}; call it hourly. Never throws. */
    public int prune() {
        try {
            return db.inTransaction(h -> tips.pruneBefore(h,
                    clock.instant().minus(config.newsroom().tips().retention())));
        } catch (RuntimeException e) {
            LOG.warn("tips not pruned: {}", e.toString());
            return 0;
        }
    }

    /** Erases every tip of a chat (for {@code /forget}); returns how many. */
    public int erase(long chatId) {
        return db.inTransaction(h -> tips.eraseChat(h, chatId));
    }
}
