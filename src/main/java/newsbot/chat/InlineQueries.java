package newsbot.chat;

/** Answers an inline query ({@code @bot words} typed in any chat); never through the outbox. */
@FunctionalInterface
interface InlineQueries {

    /** For routers that answer none. */
    InlineQueries NONE = (id, query, languageCode) -> { };

    /** @param languageCode the user's Telegram language, or null */
    void answer(String queryId, String query, String languageCode);
}
