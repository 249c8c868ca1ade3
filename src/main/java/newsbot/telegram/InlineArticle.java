package newsbot.telegram;

/**
 * One result of an inline query: an article card a user can post in any chat.
 *
 * @param id          unique within the answer, at most 64 bytes
 * @param title       the result's title in the list (plain text)
 * @param description one line under it (plain text), may be empty
 * @param html        the message posted when it is chosen (Telegram HTML, at most 4096 characters)
 * @param siteUrl     where "open on the site" leads; the button is left out when empty
 * @param botUrl      where "read in the bot" leads ({@code https://t.me/<bot>?start=…}); left out when empty
 */
public record InlineArticle(String id, String title, String description, String html, String siteUrl,
                            String siteLabel, String botUrl, String botLabel) {
}
