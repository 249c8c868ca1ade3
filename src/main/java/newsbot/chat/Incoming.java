package newsbot.chat;

/**
 * The parts of an update a handler needs.
 *
 * @param command lower-case command name without slash and bot name, or {@code null} for plain text
 * @param args    the text after the command, stripped (never {@code null})
 */
public record Incoming(long chatId, Long userId, String chatType, String languageCode, int messageId, String command,
                String args) {

    boolean isPrivate() {
        return "private".equals(chatType);
    }
}
