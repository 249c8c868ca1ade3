package newsbot.messages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import newsbot.feed.ArticleBody;
import newsbot.feed.Block;
import newsbot.feed.Inline;
import newsbot.html.RichDocument;
import newsbot.html.RichLimits;

/**
 * A whole article as one rich message: the title, the lead photo with its caption, the source and time, the text
 * with its subheadings, quotes, lists and inline photos, then a footer linking to the original. Longer than
 * Telegram allows, it is cut at a block with "continue on the site"; an article with no full text (yet) is its
 * summary with the same link.
 */
public final class ArticleComposer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d.MM.yyyy, HH:mm", Locale.ROOT);

    /** What a reader is shown; {@code imageUrl} an absolute http(s) URL or null, {@code body} possibly empty. */
    public record Article(String title, String summary, String url, String source, Instant publishedAt,
                          String imageUrl, ArticleBody body) {
    }

    private final Texts texts;
    private final RichLimits limits;

    public ArticleComposer(Texts texts, RichLimits limits) {
        this.texts = texts;
        this.limits = limits;
    }

    public RichDocument compose(Article article, String language, ZoneId zone) {
        List<RichDocument.Block> head = new ArrayList<>();
        head.add(new RichDocument.Heading(1, List.of(new RichDocument.Plain(article.title()))));
        String meta = article.source() + " · " + TIME.format(article.publishedAt().atZone(zone));
        head.add(new RichDocument.Paragraph(List.of(new RichDocument.Plain(meta))));
        List<Block> blocks = article.body().blocks();
        // The lead photo: the feed's or page's picture, else the text's first; shown once, on top.
        String lead = article.imageUrl();
        if (lead == null) {
            lead = article.body().firstImage().map(Block.Image::url).orElse(null);
        }
        String leadCaption = "";
        List<RichDocument.Block> body = new ArrayList<>();
        for (Block block : blocks) {
            if (block instanceof Block.Image image && image.url().equals(lead)) {
                leadCaption = image.caption();
                continue;
            }
            body.add(block(block));
        }
        if (lead != null) {
            head.add(new RichDocument.Photo(lead, leadCaption));
        }
        if (body.isEmpty() && !article.summary().isBlank()) {
            body.add(new RichDocument.Paragraph(List.of(new RichDocument.Plain(article.summary()))));
        }
        RichDocument.Block cutNote = new RichDocument.Paragraph(List.of(new RichDocument.Link(
                texts.get(language, "article.continue") + " →", article.url())));
        RichDocument.Block footer = new RichDocument.Footer(List.of(
                new RichDocument.Plain(texts.get(language, "article.source") + ": "),
                new RichDocument.Link(texts.get(language, "article.original"), article.url())));
        return limits.fit(head, body, cutNote, List.of(footer));
    }

    private static RichDocument.Block block(Block block) {
        if (block instanceof Block.Paragraph p) {
            return new RichDocument.Paragraph(runs(p.text()));
        }
        if (block instanceof Block.Heading h) {
            return new RichDocument.Heading(3, runs(h.text()));
        }
        if (block instanceof Block.Quote q) {
            return new RichDocument.Quote(runs(q.text()));
        }
        if (block instanceof Block.Image image) {
            return new RichDocument.Photo(image.url(), image.caption());
        }
        Block.Items list = (Block.Items) block;
        return new RichDocument.Items(list.style() == Block.ListStyle.NUMBERED ? RichDocument.Marks.NUMBERS
                : RichDocument.Marks.BULLETS, list.items().stream().map(ArticleComposer::runs).toList());
    }

    private static List<RichDocument.Run> runs(List<Inline> inline) {
        List<RichDocument.Run> runs = new ArrayList<>(inline.size());
        for (Inline run : inline) {
            runs.add(run instanceof Inline.Link link ? new RichDocument.Link(link.text(), link.url())
                    : new RichDocument.Plain(run.text()));
        }
        return runs;
    }
}
