package newsbot.bot;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import newsbot.store.Subscriber;
import newsbot.telegram.Html;

/** /settings: everything the reader has chosen, in one message. */
final class SettingsCommand implements CommandHandler {

    private final Readers readers;
    private final CategoryNames names;

    SettingsCommand(Readers readers, CategoryNames names) {
        this.readers = readers;
        this.names = names;
    }

    @Override
    public void handle(Conversation c) {
        c.reply(render(c, readers.find(c.chatId()).orElse(c.reader())));
    }

    String render(Conversation c, Subscriber s) {
        List<String> categories = readers.categories(s.chatId());
        String chosen = categories.isEmpty() ? c.text("categories.none") : names.joined(categories, c.language());
        List<String> times = new ArrayList<>();
        for (LocalTime t : s.digestTimes()) {
            times.add(t.toString());
        }
        String digest = times.isEmpty() ? c.text("settings.digest.off") : String.join(", ", times);
        String quiet = s.hasQuietHours() ? s.quietFrom() + "–" + s.quietTo() : c.text("settings.quiet.none");
        return String.join("\n",
                c.text("settings.title"),
                "",
                c.text("settings.categories", chosen),
                c.text("settings.digest", digest),
                c.text("settings.timezone", Html.escape(s.zone().getId())),
                c.text("settings.breaking", c.text(s.breakingOn() ? "settings.on" : "settings.off")),
                c.text("settings.quiet", quiet),
                c.text("settings.language"),
                c.text("settings.status", c.text("status." + s.status().name())),
                "",
                c.text("settings.hint"));
    }
}
