package newsbot.chat;

import newsbot.delivery.Replier;
import newsbot.messages.Texts;

import java.util.Optional;
import newsbot.schedule.DigestTimes;
import newsbot.schedule.QuietHours;
import newsbot.store.Subscriber;

/** A press on a /settings button: applies the change, answers the press and edits the settings message in place. */
final class SettingsButtons implements CallbackHandler {

    private final Readers readers;
    private final SettingsView view;
    private final Texts texts;
    private final Replier replier;

    public SettingsButtons(Readers readers, SettingsView view, Texts texts, Replier replier) {
        this.readers = readers;
        this.view = view;
        this.texts = texts;
        this.replier = replier;
    }

    @Override
    public void handle(Callback callback, Subscriber reader) {
        String payload = callback.payload(SettingsView.PREFIX);
        if (!apply(callback.chatId(), payload)) {
            replier.answerCallback(callback.id(), texts.get(reader.language(), "settings.stale"));
            return;
        }
        replier.answerCallback(callback.id(), texts.get(reader.language(), "settings.saved"));
        if (callback.messageId() != 0) {
            Subscriber updated = readers.find(callback.chatId()).orElse(reader);
            replier.editLater(callback.chatId(), callback.messageId(), view.text(updated), view.keyboard(updated));
        }
    }

    /** Applies the button's change; false when its data means nothing (a button from some other version). */
    private boolean apply(long chatId, String payload) {
        if (payload.startsWith(SettingsView.BREAKING)) {
            String value = payload.substring(SettingsView.BREAKING.length());
            if (!value.equals("on") && !value.equals(SettingsView.OFF)) {
                return false;
            }
            readers.setAllBreaking(chatId, value.equals("on"));
            return true;
        }
        if (payload.startsWith(SettingsView.CATEGORY_BREAKING)) {
            String slug = payload.substring(SettingsView.CATEGORY_BREAKING.length());
            boolean on = !readers.breakingCategories(chatId).contains(slug);
            return readers.setCategoryBreaking(chatId, slug, on);
        }
        if (payload.startsWith(SettingsView.DIGEST)) {
            DigestTimes.ParseResult times = DigestTimes.parseTimes(payload.substring(SettingsView.DIGEST.length()));
            if (!(times instanceof DigestTimes.ParseResult.Ok ok)) {
                return false;
            }
            readers.changeDigestTimes(chatId, ok.times());
            return true;
        }
        if (payload.startsWith(SettingsView.QUIET)) {
            Optional<QuietHours> quiet = QuietHours.parse(payload.substring(SettingsView.QUIET.length()));
            if (quiet.isEmpty()) {
                return false;
            }
            QuietHours q = quiet.get();
            readers.setQuietHours(chatId, q.isNone() ? null : q.from(), q.isNone() ? null : q.to());
            return true;
        }
        return false;
    }
}
