package newsbot.admin;

import java.util.List;
import java.util.Locale;
import newsbot.chat.CommandHandler;
import newsbot.chat.Conversation;
import newsbot.delivery.Outbox;
import newsbot.html.Html;
import newsbot.store.Channels;
import newsbot.store.Database;

/**
 * /channels for editors: each configured channel with its state (posting, paused, or what keeps the bot from
 * posting) and its waiting posts; {@code /channels pause <id>} holds a channel's posts, {@code resume} lets them go.
 */
final class ChannelsCommand implements CommandHandler {

    private final Database db;
    private final Outbox outbox;
    private final Channels channels = new Channels();

    ChannelsCommand(Database db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    @Override
    public void handle(Conversation c) {
        String[] words = c.args().strip().split("\\s+", 2);
        if (words[0].isEmpty()) {
            for (String part : Html.split(list(c))) {
                c.reply(part);
            }
            return;
        }
        String action = words[0].toLowerCase(Locale.ROOT);
        if (words.length < 2 || !(action.equals("pause") || action.equals("resume"))) {
            c.replyWith("admin.channels.usage");
            return;
        }
        String key = words[1].strip();
        boolean pause = action.equals("pause");
        if (!db.inTransaction(h -> channels.setPaused(h, key, pause))) {
            c.replyWith("admin.channels.unknown", Html.escape(key.length() > 64 ? key.substring(0, 64) + "…" : key));
            return;
        }
        if (pause) {
            c.replyWith("admin.channels.pause.done", Html.escape(key), Html.escape(key));
        } else {
            outbox.wake();
            c.replyWith("admin.channels.resume.done", Html.escape(key));
        }
    }

    private String list(Conversation c) {
        List<Channels.ChannelRow> rows = db.withHandle(channels::all);
        if (rows.isEmpty()) {
            return c.text("admin.channels.none");
        }
        StringBuilder text = new StringBuilder(c.text("admin.channels.title", rows.size()));
        for (Channels.ChannelRow row : rows) {
            int waiting = row.chatId() == null ? 0 : db.withHandle(h -> outbox.pendingForChat(h, row.chatId()));
            String mark = row.posting() ? "✅" : row.paused() ? "⏸" : "⚠️";
            String state = row.paused() ? c.text("admin.channels.paused")
                    : row.problem() != null ? c.text("admin.channels.problem", Html.escape(row.problem()))
                    : c.text("admin.channels.ok");
            text.append('\n').append(c.text("admin.channels.line", mark, Html.escape(row.key()),
                    Html.escape(row.chatRef()), state, waiting));
        }
        return text.toString();
    }
}
