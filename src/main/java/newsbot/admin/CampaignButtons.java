package newsbot.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import newsbot.store.Campaign;
import newsbot.store.CampaignKind;
import newsbot.store.CampaignTable;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * The buttons under campaigns' control and progress messages. Callback data is {@code bc:<id>:<action>[:<arg>]}
 * for a broadcast ({@code arg}: a schedule's epoch minute) and {@code bc:cr:<id>:<action>} for a correction or
 * retraction, far below 64 bytes; the chat side routes the {@code bc:} prefix to the editors' tools.
 */
final class CampaignButtons {

    static final String PREFIX = "bc:";
    /** A correction's or retraction's buttons, inside the broadcasts' prefix. */
    static final String CORRECTION_PREFIX = PREFIX + "cr:";

    enum Action {
        SEND, TEST, CANCEL, PAUSE, RESUME,
        /** A correction's or retraction's Confirm. */
        CONFIRM,
        /** Shows the times to choose from. */
        SCHEDULE,
        /** Schedules at the epoch minute in the argument. */
        AT,
        /** Back to sending on Send only. */
        UNSCHEDULE,
        /** Pin in readers' chats: on / off. */
        PIN,
        /** Shows the cost of sending fast, to confirm. */
        FAST,
        /** Confirmed: send fast, as paid messages. */
        FASTGO,
        /** Back to the preview's buttons. */
        BACK,
        /** An admin lets an editor's mass send go. */
        APPROVE,
        /** An admin sends it back to its author as a draft. */
        REJECT
    }

    /** A parsed press on a campaign of {@code table}; {@code arg} is 0 when the action takes none. */
    record Press(CampaignTable table, long id, Action action, long arg) {
    }

    /** What the preview's buttons offer for a draft. */
    record DraftOptions(boolean scheduled, boolean pin, boolean fastOffered) {
    }

    private final AdminTexts texts;

    CampaignButtons(AdminTexts texts) {
        this.texts = texts;
    }

    static String data(long id, Action action) {
        return PREFIX + id + ":" + action.name().toLowerCase(Locale.ROOT);
    }

    static String data(Campaign c, Action action) {
        return c.kind().table() == CampaignTable.BROADCASTS ? data(c.id(), action)
                : CORRECTION_PREFIX + c.id() + ":" + action.name().toLowerCase(Locale.ROOT);
    }

    static String data(long id, Action action, long arg) {
        return data(id, action) + ":" + arg;
    }

    static Optional<Press> parse(String data) {
        if (data == null || !data.startsWith(PREFIX)) {
            return Optional.empty();
        }
        boolean correction = data.startsWith(CORRECTION_PREFIX);
        String[] parts = data.substring((correction ? CORRECTION_PREFIX : PREFIX).length()).split(":", -1);
        if (parts.length != 2 && (correction || parts.length != 3)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Press(correction ? CampaignTable.CORRECTIONS : CampaignTable.BROADCASTS,
                    Long.parseLong(parts[0]), Action.valueOf(parts[1].toUpperCase(Locale.ROOT)),
                    parts.length == 3 ? Long.parseLong(parts[2]) : 0));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    InlineKeyboardMarkup preview(long id, String language, DraftOptions o) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        rows.add(new InlineKeyboardRow(button(id, o.scheduled() ? "send.now" : "send", Action.SEND, language),
                button(id, Action.TEST, language)));
        rows.add(new InlineKeyboardRow(
                button(id, o.scheduled() ? "schedule.change" : "schedule", Action.SCHEDULE, language),
                button(id, o.pin() ? "pin.on" : "pin.off", Action.PIN, language)));
        if (o.scheduled()) {
            rows.add(new InlineKeyboardRow(button(id, Action.UNSCHEDULE, language)));
        } else if (o.fastOffered()) {
            rows.add(new InlineKeyboardRow(button(id, Action.FAST, language)));
        }
        rows.add(new InlineKeyboardRow(button(id, Action.CANCEL, language)));
        return new InlineKeyboardMarkup(rows);
    }

    /** The times offered by Schedule…, each {@code label → epoch minute}. */
    record Choice(String label, long epochMinute) {
    }

    InlineKeyboardMarkup schedulePicker(long id, String language, List<Choice> choices) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        InlineKeyboardRow row = new InlineKeyboardRow();
        for (Choice c : choices) {
            InlineKeyboardButton b = new InlineKeyboardButton(c.label());
            b.setCallbackData(data(id, Action.AT, c.epochMinute()));
            row.add(b);
            if (row.size() == 2) {
                rows.add(row);
                row = new InlineKeyboardRow();
            }
        }
        row.add(button(id, Action.BACK, language));
        rows.add(row);
        return new InlineKeyboardMarkup(rows);
    }

    InlineKeyboardMarkup confirmFast(long id, String language, String cost) {
        InlineKeyboardButton go = new InlineKeyboardButton(texts.get(language, "admin.button.fastgo", cost));
        go.setCallbackData(data(id, Action.FASTGO));
        return new InlineKeyboardMarkup(List.of(new InlineKeyboardRow(go),
                new InlineKeyboardRow(button(id, Action.BACK, language))));
    }

    /** The prefix of Confirm under {@code /breaking fast}: {@code bc:brk:<article id>}. */
    static final String BREAKING_FAST = PREFIX + "brk:";

    /** The article id of a Confirm press under {@code /breaking fast}, or empty when the data is another button's. */
    static Optional<Long> breakingFast(String data) {
        if (data == null || !data.startsWith(BREAKING_FAST)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(data.substring(BREAKING_FAST.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    InlineKeyboardMarkup confirmFastBreaking(long articleId, String language, String cost) {
        InlineKeyboardButton go = new InlineKeyboardButton(texts.get(language, "admin.button.fastgo", cost));
        go.setCallbackData(BREAKING_FAST + articleId);
        return new InlineKeyboardMarkup(List.of(new InlineKeyboardRow(go)));
    }

    InlineKeyboardMarkup running(Campaign c, String language) {
        return new InlineKeyboardMarkup(List.of(
                new InlineKeyboardRow(button(c, Action.PAUSE, language), button(c, Action.CANCEL, language))));
    }

    InlineKeyboardMarkup paused(Campaign c, String language) {
        return new InlineKeyboardMarkup(List.of(
                new InlineKeyboardRow(button(c, Action.RESUME, language), button(c, Action.CANCEL, language))));
    }

    /** Under the author's control message while it waits for approval: only Cancel. */
    InlineKeyboardMarkup awaiting(Campaign c, String language) {
        return new InlineKeyboardMarkup(List.of(new InlineKeyboardRow(button(c, Action.CANCEL, language))));
    }

    /** Approve / Reject under the card an admin gets. */
    InlineKeyboardMarkup approval(Campaign c, String language) {
        return new InlineKeyboardMarkup(List.of(
                new InlineKeyboardRow(button(c, Action.APPROVE, language), button(c, Action.REJECT, language))));
    }

    /** Confirm / Cancel under a correction's or retraction's control message. */
    InlineKeyboardMarkup confirm(Campaign c, String language) {
        InlineKeyboardButton confirm = new InlineKeyboardButton(texts.get(language,
                c.kind() == CampaignKind.RETRACTION ? "admin.correction.button.retract"
                        : "admin.correction.button.correct"));
        confirm.setCallbackData(data(c, Action.CONFIRM));
        return new InlineKeyboardMarkup(List.of(new InlineKeyboardRow(confirm, button(c, Action.CANCEL, language))));
    }

    private InlineKeyboardButton button(Campaign c, Action action, String language) {
        InlineKeyboardButton b = new InlineKeyboardButton(texts.get(language,
                "admin.button." + action.name().toLowerCase(Locale.ROOT)));
        b.setCallbackData(data(c, action));
        return b;
    }

    /** One Cancel button per scheduled broadcast, for {@code /broadcasts}. */
    InlineKeyboardMarkup cancelEach(List<Long> ids, String language) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (long id : ids) {
            InlineKeyboardButton b = new InlineKeyboardButton(texts.get(language, "admin.button.cancel.id", id));
            b.setCallbackData(data(id, Action.CANCEL));
            rows.add(new InlineKeyboardRow(b));
        }
        return new InlineKeyboardMarkup(rows);
    }

    private InlineKeyboardButton button(long id, Action action, String language) {
        return button(id, action.name().toLowerCase(Locale.ROOT), action, language);
    }

    private InlineKeyboardButton button(long id, String label, Action action, String language) {
        InlineKeyboardButton b = new InlineKeyboardButton(texts.get(language, "admin.button." + label));
        b.setCallbackData(data(id, action));
        return b;
    }
}
