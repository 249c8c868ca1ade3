package newsbot.chat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import newsbot.delivery.Replier;
import newsbot.delivery.Request;
import newsbot.html.Html;
import newsbot.html.RichLimits;
import newsbot.messages.ArticleComposer;
import newsbot.messages.ReadInTelegram;
import newsbot.messages.Texts;
import newsbot.store.ArticleReads;
import newsbot.store.Database;
import newsbot.store.Subscriber;
import newsbot.store.SubscriberStatus;
import newsbot.store.Subscribers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Read in Telegram": the article as one rich message to the reader who asked, by the button under an alert or
 * the deep link in a digest. Pressed in a group, it goes to the presser's private chat, not to the whole group;
 * a member who has no private chat with the bot yet is sent there by the deep link (Telegram lets a button's
 * answer open it), where /start sends the article.
 * A chat where Telegram refused rich messages gets the compact text. Each read is counted for the article and
 * the day, nothing kept about the reader.
 */
final class ReadArticle implements CallbackHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ReadArticle.class);
    /** The compact form's summary: the rest of a 4096-character message is title and link. */
    private static final int FALLBACK_SUMMARY = 3_000;

    private final Database db;
    private final ArticleSource source;
    private final ArticleComposer composer;
    private final Texts texts;
    private final Replier replier;
    private final Clock clock;
    private final Subscribers subscribers = new Subscribers();
    private final ArticleReads reads = new ArticleReads();

    private final Supplier<String> botUsername;

    ReadArticle(Database db, ArticleSource source, Texts texts, Replier replier, Clock clock,
                Supplier<String> botUsername) {
        this.botUsername = botUsername;
        this.db = db;
        this.source = source;
        this.composer = new ArticleComposer(texts, new RichLimits());
        this.texts = texts;
        this.replier = replier;
        this.clock = clock;
    }

    @Override
    public void handle(Callback callback, Subscriber reader) {
        OptionalLong id = ReadInTelegram.fromCallback(callback.data());
        String bot = botUsername.get();
        if (id.isPresent() && !"private".equals(callback.chatType()) && bot != null && !bot.isBlank()
                && !writable(callback.userId())) {
            // a member who never started the bot: a bot may not write first, so Telegram opens the private chat
            // with the deep link, and /start r<id> there sends the article
            replier.answerCallbackWithUrl(callback.id(), ReadInTelegram.deepLink(bot, id.getAsLong()));
            return;
        }
        boolean sent = id.isPresent() && send(callback.scope(), callback.userId(), id.getAsLong(), reader);
        String toast = !sent ? texts.get(reader.language(), "article.read.gone")
                : "private".equals(callback.chatType()) ? null : texts.get(reader.language(), "article.read.private");
        replier.answerCallback(callback.id(), toast);
    }

    /** Whether the user has a private chat with the bot that is not blocked. */
    private boolean writable(long userId) {
        return db.withHandle(h -> subscribers.find(h, userId))
                .filter(s -> s.status() != SubscriberStatus.BLOCKED).isPresent();
    }

    /** /start r&lt;id&gt;: the deep link of a digest; false when it names no article (a category's slug). */
    boolean fromStart(Conversation c) {
        OptionalLong id = ReadInTelegram.fromStart(c.args());
        if (id.isEmpty()) {
            return false;
        }
        if (!send(c.scope(), c.chatId(), id.getAsLong(), c.reader())) {
            c.reply(c.text("article.read.gone"));
        }
        return true;
    }

    /** Enqueues the article for {@code chatId} and counts the read; false when the article is gone. */
    private boolean send(UpdateScope scope, long chatId, long articleId, Subscriber reader) {
        Optional<ArticleComposer.Article> article;
        try {
            article = source.article(articleId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading article " + articleId, e);
        }
        if (article.isEmpty()) {
            return false;
        }
        ArticleComposer.Article a = article.get();
        String language = reader.language();
        String compact = compact(a, language);
        Request request = db.withHandle(h -> subscribers.refusesRich(h, chatId)) ? new Request.SendText(compact)
                : new Request.SendRich(composer.compose(a, language, reader.zone()), compact);
        scope.reply(chatId, request);
        db.useTransaction(h -> reads.count(h, articleId, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
        LOG.debug("article {} read in Telegram in chat {}", articleId, chatId);
        return true;
    }

    /** The text form, for a chat that takes no rich messages: title, summary, link. */
    private String compact(ArticleComposer.Article a, String language) {
        StringBuilder html = new StringBuilder("<b>").append(Html.escape(a.title())).append("</b>");
        if (!a.summary().isBlank()) {
            html.append("\n\n").append(Html.escape(Html.shorten(a.summary(), FALLBACK_SUMMARY)));
        }
        return html.append("\n\n").append(Html.link(a.url(), texts.get(language, "article.original"))).toString();
    }
}
