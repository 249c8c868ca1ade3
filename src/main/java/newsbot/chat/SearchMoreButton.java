package newsbot.chat;

import newsbot.delivery.Replier;
import newsbot.messages.Texts;

import java.util.Optional;
import newsbot.store.Subscriber;
import newsbot.telegram.OutgoingMessage;

/** A press on "more results": the next page of that search as a new message, with its own "more" if any. */
final class SearchMoreButton implements CallbackHandler {

    private final SearchPages pages;
    private final Texts texts;
    private final Replier replier;

    public SearchMoreButton(SearchPages pages, Texts texts, Replier replier) {
        this.pages = pages;
        this.texts = texts;
        this.replier = replier;
    }

    @Override
    public void handle(Callback callback, Subscriber reader) {
        String language = reader.language();
        Optional<long[]> ref = parse(callback.payload(SearchPages.PREFIX));
        Optional<String> query = ref.flatMap(r -> pages.query(callback.chatId(), r[0]));
        if (query.isEmpty() || ref.get()[1] < 1 || ref.get()[1] >= SearchPages.MAX_PAGES) {
            replier.answerCallback(callback.id(), texts.get(language, "search.stale"));
            return;
        }
        SearchPages.Result result = pages.page(callback.chatId(), language, reader.zone(), query.get(),
                ref.get()[0], (int) ref.get()[1]);
        if (result instanceof SearchPages.Result.Page page) {
            replier.answerCallback(callback.id(), null);
            callback.reply(new OutgoingMessage(callback.chatId(), page.html(), false, false, page.more()));
        } else {
            // the articles behind the last page were pruned meanwhile
            replier.answerCallback(callback.id(), texts.get(language, "search.end"));
        }
    }

    /** {@code <search id>:<page>} as two numbers, or empty for data from some other version. */
    private static Optional<long[]> parse(String payload) {
        int colon = payload.indexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new long[] {Long.parseLong(payload.substring(0, colon)),
                    Long.parseLong(payload.substring(colon + 1))});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
