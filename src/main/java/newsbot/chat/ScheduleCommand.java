package newsbot.chat;

import newsbot.schedule.ReaderSchedules;

import java.time.Clock;
import newsbot.schedule.DigestPlanner;
import newsbot.schedule.DigestTimes;
import newsbot.store.Subscriber;
import newsbot.html.Html;

/** /schedule HH:MM[,HH:MM…] | off: the reader's digest times, with the next digest in their zone. */
final class ScheduleCommand implements CommandHandler {

    private final Readers readers;
    private final DigestPlanner planner;
    private final Clock clock;

    public ScheduleCommand(Readers readers, DigestPlanner planner, Clock clock) {
        this.readers = readers;
        this.planner = planner;
        this.clock = clock;
    }

    @Override
    public void handle(Conversation c) {
        String args = c.args();
        if (args.isEmpty()) {
            c.replyWith("schedule.usage", DigestTimes.MAX_TIMES, current(c, c.reader()));
            return;
        }
        DigestTimes.ParseResult parsed = Switches.isOff(args)
                ? new DigestTimes.ParseResult.Ok(java.util.List.of())
                : DigestTimes.parseTimes(args);
        if (parsed instanceof DigestTimes.ParseResult.BadFormat bad) {
            c.replyWith("schedule.bad", Html.escape(Html.echo(bad.token().isEmpty() ? args : bad.token())));
        } else if (parsed instanceof DigestTimes.ParseResult.TooMany tooMany) {
            c.replyWith("schedule.too.many", tooMany.max(), tooMany.count());
        } else if (parsed instanceof DigestTimes.ParseResult.Ok ok) {
            Subscriber reader = readers.changeDigestTimes(c.chatId(), ok.times());
            if (ok.times().isEmpty()) {
                c.replyWith("schedule.off");
            } else {
                c.replyWith("schedule.set", times(reader), next(reader), Html.escape(reader.zone().getId()));
            }
        }
    }

    private String current(Conversation c, Subscriber reader) {
        if (reader.digestTimes().isEmpty()) {
            return c.text("settings.digest.off");
        }
        return times(reader) + " \u2192 " + next(reader);
    }

    private String times(Subscriber reader) {
        return DigestTimes.format(reader.digestTimes()).replace(",", ", ");
    }

    private String next(Subscriber reader) {
        return ReaderSchedules.nextDigest(planner, reader, clock.instant()).orElse("\u2014");
    }
}
