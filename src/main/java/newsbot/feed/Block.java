package newsbot.feed;

import java.util.List;
import java.util.Objects;

/**
 * One block of an article's cleaned full text: the few shapes a news page needs and a rich message can hold.
 * It knows nothing of Telegram; the composer in {@code messages} turns it into Telegram's blocks.
 */
public sealed interface Block {

    /** Characters of visible text, caption included, as Telegram counts them (code points). */
    int characters();

    /** A paragraph of text with links. */
    record Paragraph(List<Inline> text) implements Block {
        public Paragraph {
            text = List.copyOf(text);
        }

        @Override
        public int characters() {
            return Inline.characters(text);
        }
    }

    /** A subheading inside the article. */
    record Heading(List<Inline> text) implements Block {
        public Heading {
            text = List.copyOf(text);
        }

        @Override
        public int characters() {
            return Inline.characters(text);
        }
    }

    /** A quotation set apart from the text. */
    record Quote(List<Inline> text) implements Block {
        public Quote {
            text = List.copyOf(text);
        }

        @Override
        public int characters() {
            return Inline.characters(text);
        }
    }

    /** A bulleted or numbered list; each item one run of text. */
    record Items(ListStyle style, List<List<Inline>> items) implements Block {
        public Items {
            Objects.requireNonNull(style, "style");
            items = items.stream().map(List::copyOf).toList();
        }

        @Override
        public int characters() {
            return items.stream().mapToInt(Inline::characters).sum();
        }
    }

    /**
     * A picture.
     *
     * @param url     an absolute http(s) URL
     * @param caption plain text, empty when the page gave none
     */
    record Image(String url, String caption) implements Block {
        public Image {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(caption, "caption");
        }

        @Override
        public int characters() {
            return caption.codePointCount(0, caption.length());
        }
    }

    /** How a list is marked. */
    enum ListStyle { BULLETED, NUMBERED }
}
