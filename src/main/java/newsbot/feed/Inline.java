package newsbot.feed;

import java.util.List;
import java.util.Objects;

/** A run of text inside a block: plain, or a link whose target is an absolute http(s) URL. */
public sealed interface Inline {

    /** The visible text. */
    String text();

    /** Plain text. */
    record Text(String text) implements Inline {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A link; {@code url} is an absolute http(s) URL, never {@code javascript:} or the like. */
    record Link(String text, String url) implements Inline {
        public Link {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(url, "url");
        }
    }

    /** Characters of visible text in {@code runs} (code points, as Telegram counts). */
    static int characters(List<Inline> runs) {
        int n = 0;
        for (Inline run : runs) {
            n += run.text().codePointCount(0, run.text().length());
        }
        return n;
    }

    /** The visible text of {@code runs}, joined. */
    static String plain(List<Inline> runs) {
        StringBuilder text = new StringBuilder();
        for (Inline run : runs) {
            text.append(run.text());
        }
        return text.toString();
    }
}
