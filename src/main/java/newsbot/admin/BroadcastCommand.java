package newsbot.admin;

import newsbot.chat.CommandHandler;
import newsbot.chat.Conversation;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import static newsbot.admin.CommandWords.afterCommand;
import static newsbot.admin.CommandWords.skipSpaces;
import static newsbot.admin.CommandWords.trimEnd;
import static newsbot.admin.CommandWords.wordEnd;
import newsbot.html.Html;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * {@code /broadcast [at <time>] [audience] [text] [| <button label> = <https://link>]}. With a text, that text is
 * announced (its formatting arrives as message entities and is kept); in reply to a message, that message is: a
 * text as text, anything else (photo, video, album, poll...) as a copy, exactly as composed. The first word is
 * taken as the audience only when it is {@code all}, {@code cat=…} or {@code lang=…}.
 */
final class BroadcastCommand implements CommandHandler {

    /** "| Read more = https://…" at the end: one link button under the message. */
    private static final Pattern BUTTON = Pattern.compile("\\|\\s*([^|=]+?)\\s*=\\s*(\\S+)\\s*$");
    private static final int MAX_BUTTON_LABEL = 64;

    private final Broadcasts broadcasts;

    BroadcastCommand(Broadcasts broadcasts) {
        this.broadcasts = broadcasts;
    }

    @Override
    public void handle(Conversation c) {
        Message m = c.message();
        String text = m == null || m.getText() == null ? "" : m.getText();
        String lang = c.language();
        // offsets are UTF-16 indexes into the whole message, as Telegram counts entity offsets
        int pos = afterCommand(text);
        ZonedDateTime at = null;
        int wordEnd = wordEnd(text, pos);
        if ("at".equalsIgnoreCase(text.substring(pos, wordEnd))) {
            ZoneId zone = broadcasts.zoneOf(c.reader());
            Optional<ScheduleTime.Parsed> when = ScheduleTime.parse(text, skipSpaces(text, wordEnd), zone,
                    broadcasts.now().atZone(zone));
            if (when.isEmpty()) {
                c.replyWith("admin.schedule.usage");
                return;
            }
            at = when.get().at();
            pos = skipSpaces(text, when.get().end());
            wordEnd = wordEnd(text, pos);
        }
        String audience = "";
        if (wordEnd > pos && Broadcasts.isAudienceWord(text.substring(pos, wordEnd))) {
            audience = text.substring(pos, wordEnd);
            pos = skipSpaces(text, wordEnd);
        }
        int end = trimEnd(text, pos, text.length());
        Broadcasts.Button button = null;
        Matcher b = BUTTON.matcher(text).region(pos, end);
        if (b.find()) {
            String label = b.group(1).strip();
            String url = b.group(2);
            if (!Html.isWebUrl(url) || label.isEmpty() || label.length() > MAX_BUTTON_LABEL) {
                c.replyWith("admin.broadcast.button.bad", Html.escape(Html.echo(text.substring(b.start()))),
                        MAX_BUTTON_LABEL);
                return;
            }
            button = new Broadcasts.Button(label, url);
            end = trimEnd(text, pos, b.start());
        }
        Broadcasts.Request request = new Broadcasts.Request(c.incoming().userId(), c.chatId(), lang, audience,
                button, at);
        Message replied = m == null ? null : m.getReplyToMessage();
        if (pos < end) {
            broadcasts.create(request, html(text, m.getEntities(), pos, end), end - pos);
            return;
        }
        if (replied == null) {
            c.replyWith("admin.broadcast.usage");
            return;
        }
        BroadcastSource source = BroadcastSource.of(replied, broadcasts.albumOf(replied));
        if (source instanceof BroadcastSource.Text) {
            String repliedText = replied.getText();
            int from = skipSpaces(repliedText, 0);
            int to = trimEnd(repliedText, from, repliedText.length());
            if (from >= to) {
                c.replyWith("admin.broadcast.usage");
                return;
            }
            broadcasts.create(request, html(repliedText, replied.getEntities(), from, to), to - from);
        } else if (source instanceof BroadcastSource.Copy copy) {
            broadcasts.createCopy(request, copy);
        } else {
            BroadcastSource.Refused refused = (BroadcastSource.Refused) source;
            c.replyWith(refused.key(), refused.args().toArray());
        }
    }

    private static String html(String source, List<MessageEntity> entities, int from, int to) {
        return EntityHtml.toHtml(source, EntityHtml.from(entities), from, to);
    }
}
