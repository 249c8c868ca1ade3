package newsbot.chat;

import java.util.Map;

/**
 * The editors' tools as the chat side sees them: their commands, their buttons and the editor's half of
 * {@code /breaking}. Built by {@code admin} on chat's handler interfaces and handed in by {@code app}, so chat
 * never depends on admin.
 *
 * @param buttonPrefix callback data prefix of the editors' buttons
 * @param breakingPush what {@code /breaking <article>} does for an editor, or null without editors' tools
 * @param composed     what an editor's message that is no command does in their private chat (an album to
 *                     broadcast arriving, a time for a draft), or null
 */
public record EditorTools(Map<String, CommandHandler> commands, String buttonPrefix, CallbackHandler buttons,
                          CommandHandler breakingPush, CommandHandler composed) {

    /** No editors' tools: their commands then answer like unknown ones. */
    public static final EditorTools NONE = new EditorTools(Map.of(), null, null, null, null);

    public EditorTools {
        commands = Map.copyOf(commands);
    }

    boolean present() {
        return buttons != null;
    }
}
