package newsbot.feed;

import java.util.List;

/**
 * An article's full text, cleaned into {@link Block}s; empty when the feed and the page gave none.
 * Stored as text through {@link ArticleBodyCodec}.
 */
public record ArticleBody(List<Block> blocks) {

    /** No full text. */
    public static final ArticleBody EMPTY = new ArticleBody(List.of());

    public ArticleBody {
        blocks = List.copyOf(blocks);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** Visible characters in all blocks. */
    public int characters() {
        return blocks.stream().mapToInt(Block::characters).sum();
    }

    /** The first picture of the text, if any: the lead image of a page or feed that names none apart. */
    public java.util.Optional<Block.Image> firstImage() {
        return blocks.stream().filter(Block.Image.class::isInstance).map(Block.Image.class::cast).findFirst();
    }
}
