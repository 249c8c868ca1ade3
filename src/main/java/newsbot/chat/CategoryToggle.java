package newsbot.chat;

import newsbot.delivery.Replier;
import newsbot.messages.CategoryNames;
import newsbot.messages.Texts;

import java.util.List;
import java.util.Optional;
import newsbot.config.Category;
import newsbot.store.Subscriber;

/** A press on a category button: toggles it, edits the keyboard in place and answers the press. */
final class CategoryToggle implements CallbackHandler {

    private final Readers readers;
    private final CategoryNames names;
    private final Keyboards keyboards;
    private final Texts texts;
    private final Replier replier;
    private final FirstDigestOffer offer;

    CategoryToggle(Readers readers, CategoryNames names, Keyboards keyboards, Texts texts, Replier replier,
                   FirstDigestOffer offer) {
        this.offer = offer;
        this.readers = readers;
        this.names = names;
        this.keyboards = keyboards;
        this.texts = texts;
        this.replier = replier;
    }

    @Override
    public void handle(Callback callback, Subscriber reader) {
        String language = reader.language();
        Optional<Category> category = names.all().stream()
                .filter(c -> c.slug().equals(callback.payload(Keyboards.TOGGLE_PREFIX))).findFirst();
        if (category.isEmpty()) {
            // A button from before the operator removed the category.
            replier.answerCallback(callback.id(), texts.get(language, "callback.stale"));
            return;
        }
        boolean on = readers.toggle(callback.chatId(), category.get().slug());
        String name = category.get().displayName(language);
        replier.answerCallback(callback.id(), texts.get(language, on ? "callback.on" : "callback.off", name));
        List<String> chosen = readers.categories(callback.chatId());
        if (callback.messageId() != 0) {
            replier.editKeyboard(callback.chatId(), callback.messageId(), keyboards.categories(chosen, language));
        }
        if (on) {
            offer.offerIfFirst(callback, language, chosen);
        }
    }
}
