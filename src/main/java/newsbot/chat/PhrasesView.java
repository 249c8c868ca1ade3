package newsbot.chat;

import newsbot.delivery.Replier;
import newsbot.messages.Texts;

import java.util.ArrayList;
import java.util.List;
import newsbot.store.Phrase;
import newsbot.html.Html;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * /following or /muted and their remove buttons ({@code tp:<id>} or {@code mu:<id>}, at most 23 bytes); a press
 * removes the phrase and edits the list in place.
 */
final class PhrasesView implements CommandHandler, CallbackHandler {

    /** Callback data prefix of the followed topics' remove buttons. */
    public static final String FOLLOWED_PREFIX = "tp:";
    /** Callback data prefix of the muted phrases' remove buttons. */
    public static final String MUTED_PREFIX = "mu:";

    private final PhraseList topics;
    private final Texts texts;
    private final Replier replier;
    private final String prefix;

    public PhrasesView(PhraseList topics, Texts texts, Replier replier) {
        this.topics = topics;
        this.texts = texts;
        this.replier = replier;
        this.prefix = topics.kind() == PhraseList.Kind.FOLLOWED ? FOLLOWED_PREFIX : MUTED_PREFIX;
    }

    /** The callback data prefix of this list's buttons. */
    public String prefix() {
        return prefix;
    }

    @Override
    public void handle(Conversation c) {
        List<Phrase> mine = topics.list(c.chatId());
        c.reply(text(mine, c.language()), keyboard(mine));
    }

    @Override
    public void handle(Callback callback, newsbot.store.Subscriber reader) {
        String language = reader.language();
        long id;
        try {
            id = Long.parseLong(callback.payload(prefix));
        } catch (NumberFormatException e) {
            replier.answerCallback(callback.id(), texts.get(language, topics.kind().view + ".stale"));
            return;
        }
        var removed = topics.removeId(callback.chatId(), id);
        replier.answerCallback(callback.id(), removed
                .map(phrase -> texts.get(language, topics.kind().view + ".removed", Html.echo(phrase)))
                .orElse(texts.get(language, topics.kind().view + ".stale")));
        if (callback.messageId() != 0) {
            List<Phrase> mine = topics.list(callback.chatId());
            replier.editLater(callback.chatId(), callback.messageId(), text(mine, language), keyboard(mine));
        }
    }

    private String text(List<Phrase> mine, String language) {
        if (mine.isEmpty()) {
            return texts.get(language, topics.kind().view + ".none");
        }
        StringBuilder out = new StringBuilder(texts.get(language, topics.kind().view + ".title", mine.size(),
                topics.kind().max));
        for (int i = 0; i < mine.size(); i++) {
            out.append('\n').append(i + 1).append(". ").append(Html.escape(mine.get(i).phrase()));
        }
        return out.toString();
    }

    private InlineKeyboardMarkup keyboard(List<Phrase> mine) {
        if (mine.isEmpty()) {
            return null;
        }
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (int i = 0; i < mine.size(); i++) {
            rows.add(new InlineKeyboardRow(Keyboards.button("✖️ " + (i + 1) + ". " + mine.get(i).phrase(),
                    prefix + mine.get(i).id())));
        }
        return Keyboards.of(rows);
    }
}
