package newsbot.admin;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import newsbot.chat.CommandHandler;
import newsbot.chat.Conversation;
import newsbot.html.Html;
import newsbot.store.AuditTrail;
import newsbot.store.Database;

/** {@code /log [n]}: the latest editorial actions, newest first: when, who, what, about what, audience, outcome. */
final class LogCommand implements CommandHandler {

    static final int DEFAULT = 20;
    static final int MAX = 100;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM HH:mm");

    private final Database db;
    private final ZoneId zone;
    private final AuditTrail trail = new AuditTrail();

    LogCommand(Database db, ZoneId zone) {
        this.db = db;
        this.zone = zone;
    }

    @Override
    public void handle(Conversation c) {
        String arg = c.args().strip();
        int n = DEFAULT;
        if (!arg.isEmpty()) {
            try {
                n = Math.max(1, Math.min(MAX, Integer.parseInt(arg)));
            } catch (NumberFormatException e) {
                c.replyWith("admin.log.usage", MAX);
                return;
            }
        }
        int limit = n;
        List<AuditTrail.Entry> rows = db.withHandle(h -> trail.latest(h, limit));
        if (rows.isEmpty()) {
            c.replyWith("admin.log.empty");
            return;
        }
        StringBuilder text = new StringBuilder(c.text("admin.log.title", rows.size()));
        for (AuditTrail.Entry e : rows) {
            String who = e.actor() == AuditTrail.SITE ? c.text("admin.log.site") : Long.toString(e.actor());
            String audience = e.audience() > 0 ? c.text("admin.log.audience", e.audience()) : "";
            text.append('\n').append(c.text("admin.log.line", WHEN.format(e.at().atZone(zone)), Html.escape(who),
                    c.text("admin.log.action." + e.action().name().toLowerCase(Locale.ROOT)),
                    Html.escape(e.subject()), audience, Html.escape(e.outcome())));
        }
        for (String part : Html.split(text.toString())) {
            c.reply(part);
        }
    }
}
