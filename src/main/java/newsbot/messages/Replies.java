package newsbot.messages;

/** Small helpers for echoing what a reader typed. */
public final class Replies {

    /** Echoed input is cut: a reply quoting a 4,000-character message would itself be too long. */
    public static final int MAX_ECHO = 64;

    private Replies() {
    }

    /** At most {@link #MAX_ECHO} characters, never cutting a surrogate pair, with "…" when cut. Not escaped. */
    public static String shorten(String text) {
        if (text.length() <= MAX_ECHO) {
            return text;
        }
        int end = MAX_ECHO;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
