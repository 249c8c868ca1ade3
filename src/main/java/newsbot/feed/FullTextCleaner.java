package newsbot.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Untrusted article HTML (content:encoded, Atom content, yandex:full-text, a page's main text) to an
 * {@link ArticleBody}: paragraphs, subheadings, quotes, lists, pictures with captions and http(s) links. Scripts,
 * styles, forms, embeds, tracking pixels, attributes and every other tag are dropped; their text stays when it is
 * text a reader would see. Nothing passes through as markup.
 */
public final class FullTextCleaner {

    // Dropped with everything inside: never text a reader sees on the site.
    private static final String DROPPED = "script, style, noscript, template, iframe, frame, object, embed, svg, math, "
            + "head, title, form, input, button, select, textarea, nav, canvas, audio, video, map, dialog, link, meta";
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    // Elements after which text starts a new paragraph.
    private static final Set<String> BREAKS = Set.of("p", "div", "section", "article", "main", "header", "footer",
            "aside", "table", "tr", "dl", "dt", "dd", "pre", "address", "center", "hr", "details", "summary");
    private static final Pattern MARKUP = Pattern.compile("</?[A-Za-z][A-Za-z0-9]*(?:\\s[^<>]*)?/?>");
    private static final Pattern LINES = Pattern.compile("\\s*\\n\\s*");
    // A full text beyond this is cut at a block: three times what one rich message holds, so nothing a composer
    // could use is lost, and a hostile 5 MB body does not sit in the database.
    private static final int MAX_CHARACTERS = 3 * 32_768;
    private static final int MAX_BLOCKS = 1_000;

    /**
     * Cleans {@code html}; plain text (yandex:full-text is often that) becomes one paragraph per line.
     *
     * @param baseUrl the article's URL, for relative links and pictures
     */
    public ArticleBody clean(String html, String baseUrl) {
        if (html == null || html.isBlank()) {
            return ArticleBody.EMPTY;
        }
        Builder out = new Builder(baseUrl);
        if (!MARKUP.matcher(html).find()) {
            for (String line : LINES.split(Jsoup.parseBodyFragment(html).body().wholeText())) {
                out.text(line);
                out.flush();
            }
            return out.body();
        }
        Document document = Jsoup.parseBodyFragment(html, baseUrl == null ? "" : baseUrl);
        document.select(DROPPED).remove();
        out.children(document.body());
        out.flush();
        return out.body();
    }

    /** Collects blocks while walking the tree; inline text accumulates until a block boundary. */
    private static final class Builder {
        private final String baseUrl;
        private final List<Block> blocks = new ArrayList<>();
        private final Runs runs = new Runs();
        private int characters;
        private boolean full;

        Builder(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        void children(Element element) {
            for (Node child : element.childNodes()) {
                if (full) {
                    return;
                }
                node(child);
            }
        }

        private void node(Node node) {
            if (node instanceof TextNode text) {
                runs.text(text.text());
            } else if (node instanceof Element element) {
                element(element);
            }
        }

        private void element(Element element) {
            String tag = element.normalName();
            if (HEADINGS.contains(tag)) {
                flush();
                add(new Block.Heading(inline(element)));
            } else if (tag.equals("blockquote")) {
                flush();
                add(new Block.Quote(inline(element)));
            } else if (tag.equals("ul") || tag.equals("ol")) {
                flush();
                list(element, tag.equals("ol") ? Block.ListStyle.NUMBERED : Block.ListStyle.BULLETED);
            } else if (tag.equals("img")) {
                image(element, "").ifPresent(image -> {
                    flush();
                    add(image);
                });
            } else if (tag.equals("figure")) {
                flush();
                figure(element);
            } else if (tag.equals("a")) {
                link(element);
            } else if (tag.equals("br")) {
                runs.text(" ");
            } else if (tag.equals("td") || tag.equals("th")) {
                runs.text(" ");
                children(element);
                runs.text(" ");
            } else if (BREAKS.contains(tag) || tag.equals("li") || tag.equals("figcaption")) {
                flush();
                children(element);
                flush();
            } else {
                children(element);
            }
        }

        private void list(Element list, Block.ListStyle style) {
            List<List<Inline>> items = new ArrayList<>();
            for (Element item : list.children()) {
                List<Inline> text = inline(item);
                if (!text.isEmpty()) {
                    items.add(text);
                }
            }
            if (!items.isEmpty()) {
                add(new Block.Items(style, items));
            }
        }

        // A figure: its pictures, each with the figure's caption; its other text (a credit line) as a paragraph.
        private void figure(Element figure) {
            Element captionElement = figure.selectFirst("figcaption");
            String caption = captionElement == null ? "" : PlainText.normalize(captionElement.text());
            boolean any = false;
            for (Element img : figure.select("img")) {
                Optional<Block.Image> image = image(img, caption);
                if (image.isPresent()) {
                    add(image.get());
                    any = true;
                }
            }
            if (!any && !caption.isEmpty()) {
                add(new Block.Paragraph(List.of(new Inline.Text(caption))));
            }
        }

        private Optional<Block.Image> image(Element img, String caption) {
            if (isPixel(img)) {
                return Optional.empty();
            }
            String src = img.attr("src");
            if (src.isBlank() || src.startsWith("data:")) {
                // Lazy-loading pages keep the real picture in data-src.
                src = img.attr("data-src");
            }
            return WebUrls.resolve(src, baseUrl).map(uri -> new Block.Image(uri.toString(), caption));
        }

        // Tracking pixels: declared 1x1 (or 0), or hidden.
        private static boolean isPixel(Element img) {
            String style = img.attr("style").replace(" ", "").toLowerCase(Locale.ROOT);
            return tiny(img.attr("width")) || tiny(img.attr("height")) || style.contains("display:none")
                    || style.contains("visibility:hidden");
        }

        private static boolean tiny(String size) {
            String digits = size.strip().replaceAll("(?i)px$", "");
            return digits.matches("\\d{1,3}") && Integer.parseInt(digits) <= 2;
        }

        private void link(Element a) {
            Optional<String> url = WebUrls.resolve(a.attr("href"), baseUrl).map(Object::toString);
            if (url.isEmpty() || a.selectFirst("img") != null) {
                children(a); // javascript:, mailto: and the like keep their text and lose the link
                return;
            }
            String text = PlainText.normalize(a.text());
            if (!text.isEmpty()) {
                runs.link(text, url.get());
            }
        }

        // The inline text of an element that is one block (a heading, a quote, a list item).
        private List<Inline> inline(Element element) {
            Builder inner = new Builder(baseUrl);
            inner.children(element);
            List<Inline> text = new ArrayList<>(inner.runs.finish());
            for (Block block : inner.blocks) {
                // Blocks inside a quote or an item join its text; pictures inside them are dropped.
                List<Inline> more = textOf(block);
                if (!more.isEmpty() && !text.isEmpty()) {
                    text.add(new Inline.Text(" "));
                }
                text.addAll(more);
            }
            return Runs.merge(text);
        }

        private static List<Inline> textOf(Block block) {
            if (block instanceof Block.Paragraph p) {
                return p.text();
            }
            if (block instanceof Block.Heading h) {
                return h.text();
            }
            if (block instanceof Block.Quote q) {
                return q.text();
            }
            if (block instanceof Block.Items list) {
                List<Inline> joined = new ArrayList<>();
                for (List<Inline> item : list.items()) {
                    if (!joined.isEmpty()) {
                        joined.add(new Inline.Text("; "));
                    }
                    joined.addAll(item);
                }
                return joined;
            }
            return List.of();
        }

        void text(String text) {
            runs.text(text);
        }

        void flush() {
            List<Inline> text = runs.finish();
            if (!text.isEmpty()) {
                add(new Block.Paragraph(text));
            }
        }

        private void add(Block block) {
            if (full) {
                return;
            }
            if (block.characters() == 0 && !(block instanceof Block.Image)) {
                return;
            }
            if (blocks.size() >= MAX_BLOCKS || characters + block.characters() > MAX_CHARACTERS) {
                full = true;
                return;
            }
            characters += block.characters();
            blocks.add(block);
        }

        ArticleBody body() {
            return new ArticleBody(blocks);
        }
    }

    /** Inline runs of one block in the making: whitespace collapsed across runs, trimmed at both ends. */
    private static final class Runs {
        private final List<Inline> runs = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        void text(String raw) {
            text.append(raw);
        }

        void link(String label, String url) {
            closeText();
            runs.add(new Inline.Link(label, url));
        }

        private void closeText() {
            if (!text.isEmpty()) {
                runs.add(new Inline.Text(text.toString()));
                text.setLength(0);
            }
        }

        /** The runs so far, normalized; the buffer starts empty again. */
        List<Inline> finish() {
            closeText();
            List<Inline> result = merge(runs);
            runs.clear();
            return result;
        }

        // Collapses whitespace inside and between runs, drops empty text runs, trims the ends.
        static List<Inline> merge(List<Inline> raw) {
            List<Inline> out = new ArrayList<>();
            boolean spacePending = false;
            for (Inline run : raw) {
                String collapsed = PlainText.normalizeKeepingEdges(run.text());
                if (run instanceof Inline.Text) {
                    if (collapsed.isBlank()) {
                        spacePending |= !collapsed.isEmpty();
                        continue;
                    }
                    boolean lead = collapsed.startsWith(" ");
                    boolean trail = collapsed.endsWith(" ");
                    String core = collapsed.strip();
                    if ((lead || spacePending) && !out.isEmpty()) {
                        core = " " + core;
                    }
                    appendText(out, core);
                    spacePending = trail;
                } else {
                    if (spacePending && !out.isEmpty()) {
                        appendText(out, " ");
                    }
                    out.add(new Inline.Link(collapsed.strip(), ((Inline.Link) run).url()));
                    spacePending = false;
                }
            }
            return out;
        }

        private static void appendText(List<Inline> out, String text) {
            if (!out.isEmpty() && out.get(out.size() - 1) instanceof Inline.Text last) {
                out.set(out.size() - 1, new Inline.Text(last.text() + text));
            } else {
                out.add(new Inline.Text(text));
            }
        }
    }
}
