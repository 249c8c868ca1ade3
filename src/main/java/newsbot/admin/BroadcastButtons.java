package newsbot.admin;

import java.util.Optional;
import newsbot.config.BotConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import newsbot.chat.Callback;
import newsbot.chat.CallbackHandler;
import newsbot.delivery.Replier;

import newsbot.store.Subscriber;

/** Presses on the editors' buttons: a broadcast's (Send, Schedule, Pause...) and Confirm under /breaking fast; who may press what is decided by the broadcasts. */
final class BroadcastButtons implements CallbackHandler {

    private static final Logger LOG = LoggerFactory.getLogger(BroadcastButtons.class);

    private final Broadcasts broadcasts;
    private final BreakingPushCommand breaking;
    private final BotConfig config;
    private final AdminTexts texts;
    private final Replier replier;

    BroadcastButtons(Broadcasts broadcasts, BreakingPushCommand breaking, BotConfig config, AdminTexts texts,
                     Replier replier) {
        this.broadcasts = broadcasts;
        this.breaking = breaking;
        this.config = config;
        this.texts = texts;
        this.replier = replier;
    }

    @Override
    public void handle(Callback callback, Subscriber reader) {
        Optional<Long> fastArticle = CampaignButtons.breakingFast(callback.data());
        if (fastArticle.isPresent()) {
            if (!config.isAdmin(callback.userId())) {
                LOG.warn("press on a /breaking fast button by non-admin user {} ignored", callback.userId());
                replier.answerCallback(callback.id(), null);
                return;
            }
            // the confirmation goes away with the press, so a second press cannot pay twice
            replier.editKeyboard(callback.chatId(), callback.messageId(), null);
            String key = breaking.confirmedFast(callback.userId(), callback.chatId(), fastArticle.get(),
                    reader.language(), replier);
            replier.answerCallback(callback.id(), texts.get(reader.language(), key, fastArticle.get()));
            return;
        }
        String toast = broadcasts.press(callback.userId(), callback.chatId(), callback.messageId(), callback.data(),
                reader.language());
        replier.answerCallback(callback.id(), toast);
    }
}
