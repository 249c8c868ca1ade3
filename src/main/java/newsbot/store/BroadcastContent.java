package newsbot.store;

import java.util.ArrayList;
import java.util.List;

/** What a broadcast sends: a text by sendMessage, or a copy of the editor's message (photo, album, poll…). */
public sealed interface BroadcastContent {

    /** {@code html} for a text, else the kind of message copied, as stored in {@code broadcasts.content}. */
    String type();

    /** The text, or a copy's description (its caption) shown in lists; escaped HTML. */
    String html();

    /** The link button under the message, or {@code null} for none. */
    LinkButton button();

    String TEXT = "html";

    record Text(String html, LinkButton button) implements BroadcastContent {
        @Override
        public String type() {
            return TEXT;
        }
    }

    /**
     * @param messageIds the editor's message ("12") or album ("12,13,14") in {@code sourceChatId}
     */
    record Copy(String type, String html, long sourceChatId, String messageIds, LinkButton button)
            implements BroadcastContent {

        public boolean album() {
            return "album".equals(type);
        }

        /** The message ids, in order (the broadcasts table keeps them as written: "12,13,14"). */
        public List<Long> ids() {
            List<Long> ids = new ArrayList<>();
            for (String part : messageIds.split(",")) {
                if (!part.isBlank()) {
                    ids.add(Long.parseLong(part.strip()));
                }
            }
            return ids;
        }
    }

    /** One link button under the message. */
    record LinkButton(String label, String url) {
    }
}
