package newsbot.store;

/** Which feed an article came from and where its page is. */
public record ArticleLink(long id, String feedId, String url) {
}
