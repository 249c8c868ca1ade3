package newsbot.html;

import java.util.ArrayList;
import java.util.List;

/**
 * Telegram's limits on a rich message (Bot API "Rich Message Limits": 32,768 characters, 500 blocks counting
 * nested blocks and list items, 16 levels of nesting, 50 media) and the cut that keeps a document within them: at a
 * block boundary, never inside a block, with the tail (a "continue on the site" link and the footer) always kept.
 */
public final class RichLimits {

    public static final int MAX_CHARACTERS = 32_768;
    public static final int MAX_BLOCKS = 500;
    public static final int MAX_MEDIA = 50;

    /** What a block costs against the limits. */
    record Cost(int characters, int blocks, int media) {
        Cost plus(Cost other) {
            return new Cost(characters + other.characters, blocks + other.blocks, media + other.media);
        }

        boolean within(Cost limit) {
            return characters <= limit.characters && blocks <= limit.blocks && media <= limit.media;
        }
    }

    private final Cost limit;

    public RichLimits() {
        this(MAX_CHARACTERS, MAX_BLOCKS, MAX_MEDIA);
    }

    /** Tighter limits, for tests and for a safety margin. */
    public RichLimits(int characters, int blocks, int media) {
        this.limit = new Cost(characters, blocks, media);
    }

    /**
     * {@code head}, then as many of {@code body}'s blocks as fit, then {@code tail}; when a block of the body did
     * not fit, {@code cutNote} goes before the tail. The head and the tail must fit on their own.
     */
    public RichDocument fit(List<RichDocument.Block> head, List<RichDocument.Block> body,
                            RichDocument.Block cutNote, List<RichDocument.Block> tail) {
        Cost used = cost(head).plus(cost(tail)).plus(cost(cutNote));
        if (!used.within(limit)) {
            throw new IllegalArgumentException("the head and tail of a rich message exceed its limits: " + used);
        }
        List<RichDocument.Block> blocks = new ArrayList<>(head);
        boolean cut = false;
        for (RichDocument.Block block : body) {
            Cost next = used.plus(cost(block));
            if (!next.within(limit)) {
                cut = true;
                break;
            }
            used = next;
            blocks.add(block);
        }
        if (cut) {
            blocks.add(cutNote);
        }
        blocks.addAll(tail);
        return new RichDocument(blocks);
    }

    /** Whether the whole document is within the limits. */
    public boolean fits(RichDocument document) {
        return cost(document.blocks()).within(limit);
    }

    static Cost cost(List<RichDocument.Block> blocks) {
        Cost total = new Cost(0, 0, 0);
        for (RichDocument.Block block : blocks) {
            total = total.plus(cost(block));
        }
        return total;
    }

    // Nesting never comes near 16: a block holds text, a list item a paragraph, a link plain text (depth 4).
    static Cost cost(RichDocument.Block block) {
        if (block instanceof RichDocument.Heading h) {
            return new Cost(characters(h.text()), 1, 0);
        }
        if (block instanceof RichDocument.Paragraph p) {
            return new Cost(characters(p.text()), 1, 0);
        }
        if (block instanceof RichDocument.Quote q) {
            return new Cost(characters(q.text()), 2, 0); // the quotation and its paragraph
        }
        if (block instanceof RichDocument.Footer f) {
            return new Cost(characters(f.text()), 1, 0);
        }
        if (block instanceof RichDocument.Photo photo) {
            return new Cost(photo.caption().codePointCount(0, photo.caption().length()), 1, 1);
        }
        RichDocument.Items list = (RichDocument.Items) block;
        int characters = list.items().stream().mapToInt(RichLimits::characters).sum();
        return new Cost(characters, 1 + 2 * list.items().size(), 0); // the list, each item and its paragraph
    }

    private static int characters(List<RichDocument.Run> runs) {
        int n = 0;
        for (RichDocument.Run run : runs) {
            n += run.text().codePointCount(0, run.text().length());
        }
        return n;
    }
}
