package newsbot.chat;


/** /search &lt;words&gt;: the most relevant recent articles, a page at a time; any input gets a friendly answer. */
final class SearchCommand implements CommandHandler {

    private final SearchPages pages;

    public SearchCommand(SearchPages pages) {
        this.pages = pages;
    }

    @Override
    public void handle(Conversation c) {
        String query = c.args();
        if (query.isEmpty()) {
            c.replyWith("search.usage");
            return;
        }
        SearchPages.Result result = pages.page(c.chatId(), c.language(), c.reader().zone(), query, 0, 0);
        if (result instanceof SearchPages.Result.Page page) {
            c.reply(page.html(), page.more());
        } else if (result instanceof SearchPages.Result.NoWords) {
            c.replyWith("search.bad", SearchPages.echo(query));
        } else if (result instanceof SearchPages.Result.NoneFound) {
            c.replyWith("search.none", SearchPages.echo(query));
        } else {
            c.replyWith("search.failed");
        }
    }
}
