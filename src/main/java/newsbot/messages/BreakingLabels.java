package newsbot.messages;

import newsbot.html.Limits;

/**
 * Localized texts of a breaking alert.
 *
 * @param marker what starts the alert, such as {@code "⚡"} or {@code "⚡ Срочно:"}; may be empty
 */
public record BreakingLabels(String marker) {

    static final int MAX_MARKER = 32;

    public BreakingLabels {
        marker = Limits.requireText("marker", marker, 0, MAX_MARKER);
    }
}
