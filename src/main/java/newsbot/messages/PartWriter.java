package newsbot.messages;

import newsbot.html.Html;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs whole lines into message parts of at most {@link HtmlText#MAX_MESSAGE} units. Lines are complete
 * HTML with balanced tags, so splitting only between them keeps every part well-formed.
 */
final class PartWriter {

    private final List<String> parts = new ArrayList<>(2);
    private final StringBuilder current = new StringBuilder(2048);

    /** Starts the first part; must come before any section. */
    void header(CharSequence html) {
        current.append(html);
    }

    /** A blank line, then a heading with its first line kept together; in a new part if they do not fit. */
    void openSection(CharSequence heading, CharSequence firstLine) {
        int separator = current.length() == 0 ? 0 : 2;
        if (current.length() + separator + heading.length() + 1 + firstLine.length() > Html.MAX_MESSAGE) {
            flush();
        } else if (separator > 0) {
            current.append("\n\n");
        }
        current.append(heading).append('\n').append(firstLine);
        checkBounds();
    }

    /** The next line of the open section; a new part repeats the section's heading marked as continued. */
    void addLine(CharSequence line, CharSequence continuedHeading) {
        if (current.length() + 1 + line.length() > Html.MAX_MESSAGE) {
            flush();
            current.append(continuedHeading).append('\n').append(line);
            checkBounds();
        } else {
            current.append('\n').append(line);
        }
    }

    List<String> finish() {
        flush();
        return List.copyOf(parts);
    }

    private void flush() {
        if (current.length() > 0) {
            parts.add(current.toString());
            current.setLength(0);
        }
    }

    // The length limits on layouts and rendered items make this unreachable; failing beats a rejected send.
    private void checkBounds() {
        if (current.length() > Html.MAX_MESSAGE) {
            throw new IllegalStateException("a digest line does not fit in a message: " + current.length());
        }
    }
}
