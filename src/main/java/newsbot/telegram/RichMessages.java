package newsbot.telegram;

import java.util.ArrayList;
import java.util.List;
import newsbot.html.RichDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendRichMessage;
import org.telegram.telegrambots.meta.api.objects.media.InputMediaPhoto;
import org.telegram.telegrambots.meta.api.objects.richblock.InputRichBlock;
import org.telegram.telegrambots.meta.api.objects.richblock.InputRichBlockBlockQuotation;
import org.telegram.telegrambots.meta.api.objects.richblock.InputRichBlockFooter;
import org.telegram.telegrambots.meta.api.objects.richblock.InputRichBlockList;
import org.telegram.telegrambots.meta.api.objects.richblock.InputRichBlockListItem;
import org.telegram.telegrambots.meta.api.objects.richblock.InputRichBlockParagraph;
import org.telegram.telegrambots.meta.api.objects.richblock.InputRichBlockPhoto;
import org.telegram.telegrambots.meta.api.objects.richblock.InputRichBlockSectionHeading;
import org.telegram.telegrambots.meta.api.objects.richblock.RichBlockCaption;
import org.telegram.telegrambots.meta.api.objects.richtext.InputRichMessage;
import org.telegram.telegrambots.meta.api.objects.richtext.RichText;
import org.telegram.telegrambots.meta.api.objects.richtext.RichTextBold;
import org.telegram.telegrambots.meta.api.objects.richtext.RichTextConcat;
import org.telegram.telegrambots.meta.api.objects.richtext.RichTextPlain;
import org.telegram.telegrambots.meta.api.objects.richtext.RichTextUrl;

/**
 * A {@link RichDocument} as telegrambots 10.2.0's sendRichMessage: the blocks form of InputRichMessage (never
 * HTML or Markdown, so nothing in an article's text is read as markup), a photo block as an InputMediaPhoto by URL.
 */
final class RichMessages {

    private RichMessages() {
    }

    /** The sendRichMessage for {@code chatId}, with link previews and notifications left to the caller. */
    public static SendRichMessage message(long chatId, RichDocument document) {
        return new SendRichMessage(Long.toString(chatId), input(document));
    }

    static InputRichMessage input(RichDocument document) {
        List<InputRichBlock> blocks = new ArrayList<>(document.blocks().size());
        for (RichDocument.Block block : document.blocks()) {
            blocks.add(block(block));
        }
        // skip_entity_detection: an article's "@name" or "#tag" is text, not a mention or a hashtag.
        return new InputRichMessage(null, null, null, true, blocks, null);
    }

    private static InputRichBlock block(RichDocument.Block block) {
        if (block instanceof RichDocument.Heading h) {
            return new InputRichBlockSectionHeading(text(h.text()), h.size());
        }
        if (block instanceof RichDocument.Paragraph p) {
            return new InputRichBlockParagraph(text(p.text()));
        }
        if (block instanceof RichDocument.Quote q) {
            return new InputRichBlockBlockQuotation(List.of(new InputRichBlockParagraph(text(q.text()))));
        }
        if (block instanceof RichDocument.Footer f) {
            return new InputRichBlockFooter(text(f.text()));
        }
        if (block instanceof RichDocument.Photo photo) {
            InputMediaPhoto media = new InputMediaPhoto(photo.url());
            return photo.caption().isEmpty() ? new InputRichBlockPhoto(media)
                    : new InputRichBlockPhoto(media, new RichBlockCaption(new RichTextPlain(photo.caption()), null));
        }
        RichDocument.Items list = (RichDocument.Items) block;
        List<InputRichBlockListItem> items = new ArrayList<>();
        for (List<RichDocument.Run> item : list.items()) {
            InputRichBlockListItem listItem = new InputRichBlockListItem(List.of(new InputRichBlockParagraph(text(item))));
            if (list.marks() == RichDocument.Marks.NUMBERS) {
                listItem.setValue(items.size() + 1);
            }
            items.add(listItem);
        }
        return new InputRichBlockList(items);
    }

    private static RichText text(List<RichDocument.Run> runs) {
        List<RichText> parts = new ArrayList<>(runs.size());
        for (RichDocument.Run run : runs) {
            parts.add(run(run));
        }
        return parts.size() == 1 ? parts.get(0) : new RichTextConcat(parts);
    }

    private static RichText run(RichDocument.Run run) {
        if (run instanceof RichDocument.Link link) {
            return new RichTextUrl(new RichTextPlain(link.text()), link.url());
        }
        if (run instanceof RichDocument.Bold bold) {
            return new RichTextBold(new RichTextPlain(bold.text()));
        }
        return new RichTextPlain(run.text());
    }
}
