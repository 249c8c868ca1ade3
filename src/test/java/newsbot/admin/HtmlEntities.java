package newsbot.admin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/** The reverse of {@link EntityHtml} for tests: Telegram HTML as the bot writes it, back to text and entities. */
final class HtmlEntities {

    record Parsed(String text, List<EntityHtml.Entity> entities) {
    }

    private record Open(String type, int start, String url, String language) {
    }

    private HtmlEntities() {
    }

    static Parsed parse(String html) {
        StringBuilder text = new StringBuilder();
        Deque<Open> open = new ArrayDeque<>();
        List<EntityHtml.Entity> found = new ArrayList<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                String tag = html.substring(i + 1, end);
                i = end + 1;
                if (tag.startsWith("/")) {
                    Open o = open.pop();
                    if (o.type() != null) {
                        found.add(new EntityHtml.Entity(o.type(), o.start(), text.length() - o.start(), o.url(),
                                o.language(), null));
                    }
                } else if (tag.startsWith("code class=\"language-")) {
                    // <pre><code class="language-x">: the pre carries the language, the code is no entity of its own
                    Open pre = open.pop();
                    open.push(new Open(pre.type(), pre.start(), null, unescape(tag.substring(21, tag.length() - 1))));
                    open.push(new Open(null, text.length(), null, null));
                } else {
                    open.push(open(tag, text.length()));
                }
            } else if (c == '&') {
                int end = html.indexOf(';', i);
                text.append(unescape(html.substring(i, end + 1)));
                i = end + 1;
            } else {
                text.append(c);
                i++;
            }
        }
        return new Parsed(text.toString(), merge(found));
    }

    private static Open open(String tag, int at) {
        if (tag.startsWith("a href=\"")) {
            return new Open("text_link", at, unescape(tag.substring(8, tag.length() - 1)), null);
        }
        String type = switch (tag) {
            case "b" -> "bold";
            case "i" -> "italic";
            case "u" -> "underline";
            case "s" -> "strikethrough";
            case "tg-spoiler" -> "spoiler";
            case "code" -> "code";
            case "pre" -> "pre";
            case "blockquote" -> "blockquote";
            case "blockquote expandable" -> "expandable_blockquote";
            default -> throw new IllegalArgumentException("unexpected tag <" + tag + ">");
        };
        return new Open(type, at, null, null);
    }

    /** Joins the pieces an overlap was cut into, and sorts, so equal formatting compares equal. */
    static List<EntityHtml.Entity> merge(List<EntityHtml.Entity> entities) {
        List<EntityHtml.Entity> sorted = new ArrayList<>(entities);
        sorted.sort(ORDER);
        List<EntityHtml.Entity> merged = new ArrayList<>();
        for (EntityHtml.Entity e : sorted) {
            EntityHtml.Entity joined = null;
            for (int k = 0; k < merged.size() && joined == null; k++) {
                EntityHtml.Entity m = merged.get(k);
                if (m.type().equals(e.type()) && java.util.Objects.equals(m.url(), e.url())
                        && java.util.Objects.equals(m.language(), e.language())
                        && m.offset() + m.length() == e.offset()) {
                    joined = new EntityHtml.Entity(m.type(), m.offset(), m.length() + e.length(), m.url(),
                            m.language(), null);
                    merged.set(k, joined);
                }
            }
            if (joined == null) {
                merged.add(e);
            }
        }
        merged.sort(ORDER);
        return merged;
    }

    static final Comparator<EntityHtml.Entity> ORDER = Comparator.comparingInt(EntityHtml.Entity::offset)
            .thenComparingInt(EntityHtml.Entity::length).thenComparing(EntityHtml.Entity::type);

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
