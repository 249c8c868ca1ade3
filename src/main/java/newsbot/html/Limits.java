package newsbot.html;

/**
 * Length checks for the localized texts a layout is built from. The bounds are what makes "every part is at
 * most 4096 units" provable, even with every character escaped to six ({@code &quot;}): bold header
 * 7 + 6·200 = 1207, blank line 2, heading with "continued" 7 + 6·64 + 9 + 6·32 = 592, line break 1, item line
 * "• HH:mm " 8 + {@link DigestComposer#MAX_ITEM_HTML} 2000; together 3810 &lt; 4096. The "and N more" line
 * (6·96 + 11 + 6·32) is shorter than an item line.
 */
public final class Limits {

    private Limits() {
    }

    /** The text stripped of surrounding whitespace (bundles and config files often carry some), checked. */
    public static String requireText(String name, String value, int min, int max) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        String stripped = value.strip();
        if (stripped.length() < min || stripped.length() > max) {
            throw new IllegalArgumentException(name + " must be " + min + " to " + max + " characters, got "
                    + stripped.length());
        }
        return stripped;
    }
}
