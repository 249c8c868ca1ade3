package newsbot.store;

import java.util.ArrayList;
import java.util.List;

/**
 * What an outbox row does with Telegram, beyond its chat and text: send the text, copy an editor's message, or act
 * on a message already delivered (pin it, edit or delete it).
 *
 * @param action           send, copy, copy_album, pin, edit_text, edit_caption or delete
 * @param sourceChatId     for copies: the chat the message to copy is in, else {@code null}
 * @param sourceMessageIds for copies: "12", or "12,13,14" for an album, else {@code null}
 * @param targetMessageId  for pin, edits and deletes: the delivered message acted on, else {@code null}
 * @param paid             to go out with allow_paid_broadcast, within the daily Stars budget
 * @param thenPin          once delivered, pin it (a PIN row is added with the sent message's id)
 */
public record Operation(String action, Long sourceChatId, String sourceMessageIds, Integer targetMessageId,
                        boolean paid, boolean thenPin) {

    public static final String SEND = "send";
    public static final String COPY = "copy";
    public static final String COPY_ALBUM = "copy_album";
    public static final String PIN = "pin";
    public static final String EDIT_TEXT = "edit_text";
    public static final String EDIT_CAPTION = "edit_caption";
    public static final String DELETE = "delete";

    /** sendMessage with the row's text: every push and reply before issue 14. */
    public static final Operation SEND_TEXT = new Operation(SEND, null, null, null, false, false);

    public static Operation copy(long fromChatId, String messageIds, boolean album) {
        return new Operation(album ? COPY_ALBUM : COPY, fromChatId, messageIds, null, false, false);
    }

    public static Operation on(String action, int targetMessageId) {
        return new Operation(action, null, null, targetMessageId, false, false);
    }

    /** "12,13,14" as message ids: how the outbox and broadcasts store an album's messages. */
    public static List<Integer> messageIds(String list) {
        List<Integer> ids = new ArrayList<>();
        for (String part : list.split(",")) {
            if (!part.isBlank()) {
                ids.add(Integer.parseInt(part.strip()));
            }
        }
        return ids;
    }

    /** Message ids as stored: "12,13,14"; {@code null} for none. */
    public static String joinIds(List<? extends Number> ids) {
        if (ids.isEmpty()) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        for (Number id : ids) {
            s.append(s.length() == 0 ? "" : ",").append(id.longValue());
        }
        return s.toString();
    }

    public Operation withPaid(boolean newPaid) {
        return new Operation(action, sourceChatId, sourceMessageIds, targetMessageId, newPaid, thenPin);
    }

    public Operation withThenPin(boolean pin) {
        return new Operation(action, sourceChatId, sourceMessageIds, targetMessageId, paid, pin);
    }
}
