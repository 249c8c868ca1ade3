package newsbot.admin;

import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * How the editors' tools talk to admins directly (previews, test sends, progress messages), not through the
 * outbox: the chat side's replier, which shares the delivery rate limits, implements it.
 */
public interface AdminMessages {

    SendOutcome send(OutgoingMessage message);

    /** Replaces the text and keyboard of a message the bot sent; "not modified" counts as success. */
    SendOutcome edit(long chatId, int messageId, String html, InlineKeyboardMarkup keyboard);

    /** Uploads a PNG with an optional HTML caption (at most 1024 characters). */
    SendOutcome sendPhoto(long chatId, byte[] png, String fileName, String captionHtml);
}
