package newsbot.bot;

import java.time.Clock;
import java.util.List;
import newsbot.store.Database;
import newsbot.store.Subscriber;
import newsbot.telegram.OutgoingMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * After a new reader chooses their first category, a button to see "what's new today" at once; pressing it
 * ({@code dg:now}) is {@code /digest}.
 */
final class FirstDigestOffer implements CallbackHandler {

    static final String PREFIX = "dg:";
    static final String NOW = PREFIX + "now";

    private final Database db;
    private final Digests digests;
    private final Texts texts;
    private final Replier replier;
    private final Clock clock;

    FirstDigestOffer(Database db, Digests digests, Texts texts, Replier replier, Clock clock) {
        this.db = db;
        this.digests = digests;
        this.texts = texts;
        this.replier = replier;
        this.clock = clock;
    }

    /** Offers the first digest if the reader just went from no category to one and has had no digest yet. */
    void offerIfFirst(long chatId, String language, List<String> categoriesNow) {
        if (categoriesNow.size() != 1 || !db.withHandle(h -> digests.firstPending(h, chatId))) {
            return;
        }
        InlineKeyboardMarkup button = Keyboards.of(List.of(new InlineKeyboardRow(
                Keyboards.button(texts.get(language, "digest.first.button"), NOW))));
        replier.send(new OutgoingMessage(chatId, texts.get(language, "digest.first.offer"), false, false, button));
    }

    @Override
    public void handle(Callback callback, Subscriber reader) {
        String language = reader.language();
        replier.answerCallback(callback.id(), texts.get(language, "digest.first.sent"));
        // A sent digest is its own answer, as for /digest.
        switch (digests.now(callback.chatId(), clock.instant())) {
            case SENT -> { }
            case NOTHING_NEW -> replier.send(OutgoingMessage.html(callback.chatId(), texts.get(language, "digest.empty")));
            case NO_CATEGORIES -> replier.send(OutgoingMessage.html(callback.chatId(),
                    texts.get(language, "digest.no.categories")));
        }
    }
}
