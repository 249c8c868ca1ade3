package newsbot.chat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import newsbot.html.Html;
import newsbot.store.ArticleReads;
import newsbot.store.Database;

/** /top: today's most-read articles (reads in Telegram, counted per UTC day), most read first. */
final class TopCommand implements CommandHandler {

    static final int COUNT = 10;

    private final Database db;
    private final Clock clock;
    private final ArticleReads reads = new ArticleReads();

    public TopCommand(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void handle(Conversation c) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<ArticleReads.TopRead> top = db.withHandle(h -> reads.top(h, today, COUNT));
        if (top.isEmpty()) {
            c.replyWith("top.empty");
            return;
        }
        StringBuilder html = new StringBuilder(c.text("top.title"));
        for (int i = 0; i < top.size(); i++) {
            ArticleReads.TopRead read = top.get(i);
            html.append('\n').append(c.text("top.line", i + 1, Html.link(read.url(), read.title()), read.reads()));
        }
        c.reply(html.toString());
    }
}
