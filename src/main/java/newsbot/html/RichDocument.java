package newsbot.html;

import java.util.List;
import java.util.Objects;

/**
 * A rich message (Bot API sendRichMessage) as the bot composes it: the few block and text shapes it uses, already
 * within Telegram's limits ({@link RichLimits}). {@code telegram} turns it into the Bot API's types; links and
 * picture URLs are absolute http(s) (the composer takes them from cleaned articles only).
 */
public record RichDocument(List<Block> blocks) {

    public RichDocument {
        blocks = List.copyOf(blocks);
    }

    /** A block of the document. */
    public sealed interface Block {
    }

    /** A heading; {@code size} 1 (the title) to 3 (a subheading). */
    public record Heading(int size, List<Run> text) implements Block {
        public Heading {
            text = List.copyOf(text);
        }
    }

    public record Paragraph(List<Run> text) implements Block {
        public Paragraph {
            text = List.copyOf(text);
        }
    }

    public record Quote(List<Run> text) implements Block {
        public Quote {
            text = List.copyOf(text);
        }
    }

    /** How a list's items are marked. */
    public enum Marks { BULLETS, NUMBERS }

    /** A list; each item one paragraph of runs. */
    public record Items(Marks marks, List<List<Run>> items) implements Block {
        public Items {
            items = items.stream().map(List::copyOf).toList();
        }
    }

    /** A picture by its http(s) URL, with a caption ('' for none). */
    public record Photo(String url, String caption) implements Block {
        public Photo {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(caption, "caption");
        }
    }

    /** The small print at the end: source, byline. */
    public record Footer(List<Run> text) implements Block {
        public Footer {
            text = List.copyOf(text);
        }
    }

    /** A run of text. */
    public sealed interface Run {
        String text();
    }

    public record Plain(String text) implements Run {
    }

    public record Bold(String text) implements Run {
    }

    public record Link(String text, String url) implements Run {
    }
}
