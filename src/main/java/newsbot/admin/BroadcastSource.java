package newsbot.admin;

import java.util.List;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * What an editor's message becomes as a broadcast: its text as HTML (sent with sendMessage, so it can carry a
 * button and be corrected as text), a copy of the message itself (media, polls, albums: readers get exactly what
 * the editor composed), or a refusal naming the Telegram rule it would break, before anything is sent.
 */
sealed interface BroadcastSource {

    /** The broadcast's message ids as the broadcasts table keeps them ("12" or "12,13,14"). */
    static List<Long> ids(String stored) {
        List<Long> ids = new java.util.ArrayList<>();
        for (String part : stored.split(",")) {
            if (!part.isBlank()) {
                ids.add(Long.parseLong(part.strip()));
            }
        }
        return ids;
    }


    /** Telegram's limits, as checked before a draft exists. */
    int MAX_CAPTION = 1024;
    int MAX_ALBUM = 10;

    /** The message's own text, with its formatting. */
    record Text(Message message) implements BroadcastSource {
    }

    /**
     * A copy of one message or an album.
     *
     * @param content what it is: photo, video, document, audio, animation, voice, video_note, sticker, poll,
     *                location, contact, dice, album
     */
    record Copy(String content, long chatId, List<Integer> messageIds, String description) implements BroadcastSource {
        public Copy {
            messageIds = List.copyOf(messageIds);
        }

        boolean album() {
            return messageIds.size() > 1;
        }

        String ids() {
            return messageIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        }
    }

    /** Telegram would refuse it: the text key and its arguments. */
    record Refused(String key, List<Object> args) implements BroadcastSource {
        public Refused(String key, Object... args) {
            this(key, List.of(args));
        }
    }

    /**
     * Looks at the message an editor wants to send.
     *
     * @param albumIds the album's message ids as the bot saw them arrive (empty when it is no album)
     */
    static BroadcastSource of(Message m, List<Integer> albumIds) {
        if (m.hasText() && !m.hasPhoto()) {
            return new Text(m);
        }
        String kind = kind(m);
        if (kind == null) {
            // service messages, invoices, giveaways, paid media, stories: Telegram does not copy them
            return new Refused("admin.broadcast.cannot.copy");
        }
        if ("poll".equals(kind) && "quiz".equals(m.getPoll().getType()) && (m.getPoll().getCorrectOptionIds() == null || m.getPoll().getCorrectOptionIds().isEmpty())) {
            return new Refused("admin.broadcast.quiz");
        }
        String caption = m.getCaption();
        if (caption != null && caption.length() > MAX_CAPTION) {
            return new Refused("admin.broadcast.caption.too.long", caption.length(), MAX_CAPTION);
        }
        String description = caption == null || caption.isBlank() ? "" : caption;
        if (m.getMediaGroupId() != null && albumIds.size() > 1) {
            if (albumIds.size() > MAX_ALBUM) {
                return new Refused("admin.broadcast.album.too.big", albumIds.size(), MAX_ALBUM);
            }
            return new Copy("album", m.getChatId(), albumIds, description);
        }
        return new Copy(kind, m.getChatId(), List.of(m.getMessageId()), description);
    }

    private static String kind(Message m) {
        if (m.hasPhoto()) {
            return "photo";
        }
        if (m.hasVideo()) {
            return "video";
        }
        if (m.hasAnimation()) {
            return "animation";
        }
        if (m.hasDocument()) {
            return "document";
        }
        if (m.hasAudio()) {
            return "audio";
        }
        if (m.hasVoice()) {
            return "voice";
        }
        if (m.hasVideoNote()) {
            return "video_note";
        }
        if (m.hasSticker()) {
            return "sticker";
        }
        if (m.hasPoll()) {
            return "poll";
        }
        if (m.hasContact()) {
            return "contact";
        }
        if (m.hasLocation()) {
            return "location";
        }
        if (m.hasDice()) {
            return "dice";
        }
        return null;
    }
}
