package newsbot.chat;

import java.util.Locale;

/**
 * A message text split into command, addressee and arguments: {@code /cmd@bot args}.
 *
 * @param name      lower-case command without the slash, or {@code null} when the text is not a command
 * @param addressee the bot name after '@', or {@code null}
 */
record CommandLine(String name, String addressee, String args) {

    public static CommandLine parse(String text) {
        String t = text.strip();
        if (!t.startsWith("/") || t.length() < 2) {
            return new CommandLine(null, null, t);
        }
        int space = indexOfWhitespace(t);
        String head = space < 0 ? t.substring(1) : t.substring(1, space);
        String args = space < 0 ? "" : t.substring(space).strip();
        int at = head.indexOf('@');
        String name = at < 0 ? head : head.substring(0, at);
        String addressee = at < 0 ? null : head.substring(at + 1);
        return new CommandLine(name.toLowerCase(Locale.ROOT), addressee, args);
    }

    public boolean isCommand() {
        return name != null;
    }

    /** True when the command is addressed to no bot in particular or to {@code botUsername}. */
    public boolean isFor(String botUsername) {
        return addressee == null || addressee.equalsIgnoreCase(botUsername);
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
