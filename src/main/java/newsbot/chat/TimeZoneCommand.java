package newsbot.chat;


import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import newsbot.html.Html;

/** /timezone &lt;Area/City | city | UTC±H&gt;, with suggestions for typos. */
final class TimeZoneCommand implements CommandHandler {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final Readers readers;
    private final ZoneSuggestions zones;

    public TimeZoneCommand(Readers readers, ZoneSuggestions zones) {
        this.readers = readers;
        this.zones = zones;
    }

    @Override
    public void handle(Conversation c) {
        if (c.args().isEmpty()) {
            c.replyWith("timezone.usage", Html.escape(c.reader().zone().getId()));
            return;
        }
        Optional<ZoneId> zone = zones.resolve(c.args());
        if (zone.isEmpty()) {
            // no zone id is longer than the echo limit: a longer text gets no (slow, pointless) suggestions
            List<String> suggestions = c.args().length() > Html.MAX_ECHO ? List.of() : zones.suggest(c.args());
            String reply = c.text("timezone.unknown", Html.escape(Html.echo(c.args()))) + "\n";
            reply += suggestions.isEmpty()
                    ? c.text("timezone.usage", Html.escape(c.reader().zone().getId()))
                    : c.text("timezone.suggest", suggestionList(suggestions));
            c.reply(reply);
            return;
        }
        readers.setZone(c.chatId(), zone.get());
        String now = ZonedDateTime.now(readers.clock().withZone(zone.get())).format(CLOCK);
        c.replyWith("timezone.set", Html.escape(zone.get().getId()), now);
    }

    private static String suggestionList(List<String> ids) {
        StringBuilder out = new StringBuilder();
        for (String id : ids) {
            out.append(out.length() == 0 ? "" : ", ").append("<code>/timezone ").append(Html.escape(id)).append("</code>");
        }
        return out.toString();
    }
}
