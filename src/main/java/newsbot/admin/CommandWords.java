package newsbot.admin;

/**
 * Walking the words of an editor's command. Offsets are UTF-16 indexes into the whole message, as Telegram counts
 * entity offsets, so the text between two offsets keeps its formatting.
 */
final class CommandWords {

    private CommandWords() {
    }

    static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static int wordEnd(String s, int i) {
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of {@code s} before {@code end} without trailing spaces, not before {@code from}. */
    static int trimEnd(String s, int from, int end) {
        while (end > from && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** Where the text after the command word starts. */
    static int afterCommand(String s) {
        return skipSpaces(s, wordEnd(s, skipSpaces(s, 0)));
    }
}
