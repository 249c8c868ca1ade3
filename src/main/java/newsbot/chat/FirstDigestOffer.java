package newsbot.chat;

import newsbot.delivery.Replier;
import newsbot.messages.Texts;

import java.time.Clock;
import java.util.List;
import newsbot.store.Subscriber;
import newsbot.telegram.OutgoingMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * After a new reader chooses their first category, a button to see "what's new today" at once; pressing it
 * ({@code dg:now}) is {@code /digest}.
 */
final class FirstDigestOffer implements CallbackHandler {

    public static final String PREFIX = "dg:";
    static final String NOW = PREFIX + "now";

    private final OnDemandDigests digests;
    private final Texts texts;
    private final Replier replier;
    private final Clock clock;

    public FirstDigestOffer(OnDemandDigests digests, Texts texts, Replier replier, Clock clock) {
        this.digests = digests;
        this.texts = texts;
        this.replier = replier;
        this.clock = clock;
    }

    /** Offers the first digest if the reader just went from no category to one and has had no digest yet. */
    public void offerIfFirst(Callback press, String language, List<String> categoriesNow) {
        long chatId = press.chatId();
        if (categoriesNow.size() != 1 || !digests.noDigestYet(chatId)) {
            return;
        }
        InlineKeyboardMarkup button = Keyboards.of(List.of(new InlineKeyboardRow(
                Keyboards.button(texts.get(language, "digest.first.button"), NOW))));
        press.reply(new OutgoingMessage(chatId, texts.get(language, "digest.first.offer"), false, false, button));
    }

    @Override
    public void handle(Callback callback, Subscriber reader) {
        String language = reader.language();
        replier.answerCallback(callback.id(), texts.get(language, "digest.first.sent"));
        // A sent digest is its own answer, as for /digest.
        switch (digests.sendNow(callback.chatId(), clock.instant())) {
            case SENT -> { }
            case NOTHING_NEW -> callback.reply(OutgoingMessage.html(callback.chatId(), texts.get(language, "digest.empty")));
            case NO_CATEGORIES -> callback.reply(OutgoingMessage.html(callback.chatId(),
                    texts.get(language, "digest.no.categories")));
        }
    }
}
