package newsbot.chat;


import java.util.Optional;
import newsbot.schedule.QuietHours;
import newsbot.html.Html;

/** /quiet HH:MM-HH:MM | off: hours without sound; the window may wrap midnight. */
final class QuietCommand implements CommandHandler {

    private final Readers readers;

    public QuietCommand(Readers readers) {
        this.readers = readers;
    }

    @Override
    public void handle(Conversation c) {
        String args = c.args();
        if (args.isEmpty()) {
            String now = c.reader().hasQuietHours()
                    ? new QuietHours(c.reader().quietFrom(), c.reader().quietTo()).toString()
                    : c.text("settings.quiet.none");
            c.replyWith("quiet.usage", now);
            return;
        }
        Optional<QuietHours> parsed = Switches.isOff(args) ? Optional.of(QuietHours.NONE) : QuietHours.parse(args);
        if (parsed.isEmpty()) {
            c.replyWith("quiet.bad", Html.escape(Html.echo(args)));
            return;
        }
        QuietHours quiet = parsed.get();
        if (quiet.isNone()) {
            readers.setQuietHours(c.chatId(), null, null);
            c.replyWith("quiet.off");
            return;
        }
        readers.setQuietHours(c.chatId(), quiet.from(), quiet.to());
        c.replyWith("quiet.set", quiet.toString(), Html.escape(c.reader().zone().getId()));
    }
}
