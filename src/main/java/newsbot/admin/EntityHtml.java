package newsbot.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import newsbot.html.Html;

/**
 * Turns a Telegram message's text and entities (offsets and lengths in UTF-16 code units, as Telegram counts
 * them) into Telegram HTML, so an editor's formatting survives a broadcast. Everything outside a tag is escaped.
 */
final class EntityHtml {

    /**
     * One message entity as Telegram sends it.
     *
     * @param url      the target of a {@code text_link}, else {@code null}
     * @param language the language of a {@code pre} block, else {@code null}
     * @param userId   the user of a {@code text_mention}, else {@code null}
     */
    public record Entity(String type, int offset, int length, String url, String language, Long userId) {

        public static Entity of(String type, int offset, int length) {
            return new Entity(type, offset, length, null, null, null);
        }
    }

    /** A tag pair over [start, end) of the text; a lower rank is opened outside a higher one over the same range. */
    private record Span(int start, int end, String open, String close, int rank, boolean exclusive) {
    }

    private EntityHtml() {
    }

    /** The entities of a message (text or caption) as the client library gives them; {@code null} is none. */
    public static List<Entity> from(List<org.telegram.telegrambots.meta.api.objects.MessageEntity> entities) {
        if (entities == null) {
            return List.of();
        }
        return entities.stream().map(e -> new Entity(e.getType(), e.getOffset(), e.getLength(), e.getUrl(),
                e.getLanguage(), e.getUser() == null ? null : e.getUser().getId())).toList();
    }

    public static String toHtml(String text, List<Entity> entities) {
        return toHtml(text, entities, 0, text.length());
    }

    /** The HTML of {@code text[from, to)} alone: entities are clipped to it and shifted to its start. */
    public static String toHtml(String text, List<Entity> entities, int from, int to) {
        List<Span> spans = spans(text, entities, from, to);
        TreeSet<Integer> boundaries = new TreeSet<>();
        boundaries.add(to);
        for (Span s : spans) {
            boundaries.add(s.start());
            boundaries.add(s.end());
        }
        StringBuilder out = new StringBuilder(text.length() + 16 * spans.size());
        List<Span> open = new ArrayList<>();
        int next = 0;
        int pos = from;
        for (int b : boundaries) {
            out.append(Html.escape(text.substring(pos, b)));
            pos = b;
            closeEndingAt(b, open, out);
            for (; next < spans.size() && spans.get(next).start() == b; next++) {
                Span s = spans.get(next);
                out.append(s.open());
                open.add(s);
            }
        }
        return out.toString();
    }

    /**
     * Closes every open span that ends at {@code b}. Entities may overlap without nesting (bold 0–5, italic 3–8):
     * HTML cannot, so spans opened inside the one that ends are closed with it and reopened right after.
     */
    private static void closeEndingAt(int b, List<Span> open, StringBuilder out) {
        int outermost = -1;
        for (int i = 0; i < open.size() && outermost < 0; i++) {
            if (open.get(i).end() == b) {
                outermost = i;
            }
        }
        if (outermost < 0) {
            return;
        }
        List<Span> reopen = new ArrayList<>();
        for (int i = open.size() - 1; i >= outermost; i--) {
            Span s = open.remove(i);
            out.append(s.close());
            if (s.end() > b) {
                reopen.add(s);
            }
        }
        reopen.sort(Comparator.comparingInt(Span::end).reversed().thenComparingInt(Span::rank));
        for (Span s : reopen) {
            out.append(s.open());
            open.add(s);
        }
    }

    private static List<Span> spans(String text, List<Entity> entities, int from, int to) {
        List<Span> spans = new ArrayList<>();
        for (Entity e : entities) {
            int start = codePointStart(text, Math.max(e.offset(), from), from);
            int end = codePointEnd(text, Math.min(e.offset() + e.length(), to), to);
            if (start < end && e.length() > 0) {
                Span span = span(e, text.substring(start, end), start, end);
                if (span != null) {
                    spans.add(span);
                }
            }
        }
        // Telegram allows nothing inside code or pre: anything overlapping one is dropped unless it encloses it.
        List<Span> exclusive = spans.stream().filter(Span::exclusive).toList();
        spans.removeIf(s -> exclusive.stream().anyMatch(x -> x != s && s.start() < x.end() && x.start() < s.end()
                && (s.exclusive() || s.start() > x.start() || s.end() < x.end())));
        spans.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed())
                .thenComparingInt(Span::rank));
        return spans;
    }

    private static Span span(Entity e, String covered, int start, int end) {
        String type = e.type() == null ? "" : e.type().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "bold" -> simple("b", start, end);
            case "italic" -> simple("i", start, end);
            case "underline" -> simple("u", start, end);
            case "strikethrough" -> simple("s", start, end);
            case "spoiler" -> simple("tg-spoiler", start, end);
            case "code" -> new Span(start, end, "<code>", "</code>", 4, true);
            case "pre" -> pre(e.language(), start, end);
            case "blockquote" -> new Span(start, end, "<blockquote>", "</blockquote>", 0, false);
            case "expandable_blockquote" -> new Span(start, end, "<blockquote expandable>", "</blockquote>", 0, false);
            case "text_link" -> link(e.url(), start, end);
            case "url" -> link(covered.contains("://") ? covered : "http://" + covered, start, end);
            case "text_mention" -> e.userId() == null ? null : link("tg://user?id=" + e.userId(), start, end);
            // mentions, hashtags, commands, e-mails and phone numbers are recognised by Telegram again; a custom
            // emoji keeps its ordinary emoji text, as bots may not send custom emoji without a Fragment username
            default -> null;
        };
    }

    private static Span simple(String tag, int start, int end) {
        return new Span(start, end, "<" + tag + ">", "</" + tag + ">", 3, false);
    }

    private static Span pre(String language, int start, int end) {
        if (language == null || language.isBlank()) {
            return new Span(start, end, "<pre>", "</pre>", 1, true);
        }
        String open = "<pre><code class=\"language-" + Html.escape(language.strip()) + "\">";
        return new Span(start, end, open, "</code></pre>", 1, true);
    }

    private static Span link(String url, int start, int end) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("tg://")
                || lower.startsWith("mailto:"))) {
            return null;
        }
        return new Span(start, end, "<a href=\"" + Html.escape(url) + "\">", "</a>", 2, false);
    }

    /** Moves an offset that points between the halves of a surrogate pair back to the pair's start. */
    private static int codePointStart(String text, int i, int from) {
        return i > from && i < text.length() && Character.isLowSurrogate(text.charAt(i))
                && Character.isHighSurrogate(text.charAt(i - 1)) ? i - 1 : i;
    }

    /** Moves an end that points between the halves of a surrogate pair forward past the pair. */
    private static int codePointEnd(String text, int i, int to) {
        return i > 0 && i < to && Character.isLowSurrogate(text.charAt(i))
                && Character.isHighSurrogate(text.charAt(i - 1)) ? i + 1 : i;
    }
}
