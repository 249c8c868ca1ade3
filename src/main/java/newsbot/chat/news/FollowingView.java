package newsbot.chat.news;

import newsbot.chat.Callback;
import newsbot.chat.CallbackHandler;
import newsbot.chat.CommandHandler;
import newsbot.chat.Conversation;
import newsbot.chat.Keyboards;
import newsbot.delivery.Replier;
import newsbot.messages.Texts;

import java.util.ArrayList;
import java.util.List;
import newsbot.store.FollowedTopics;
import newsbot.html.Html;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * /following and its remove buttons ({@code tp:<topic id>}, at most 23 bytes); a press removes the topic and
 * edits the list in place.
 */
public final class FollowingView implements CommandHandler, CallbackHandler {

    public static final String PREFIX = "tp:";

    private final Topics topics;
    private final Texts texts;
    private final Replier replier;

    public FollowingView(Topics topics, Texts texts, Replier replier) {
        this.topics = topics;
        this.texts = texts;
        this.replier = replier;
    }

    @Override
    public void handle(Conversation c) {
        List<FollowedTopics.Topic> mine = topics.list(c.chatId());
        c.reply(text(mine, c.language()), keyboard(mine));
    }

    @Override
    public void handle(Callback callback, newsbot.store.Subscriber reader) {
        String language = reader.language();
        long id;
        try {
            id = Long.parseLong(callback.payload(PREFIX));
        } catch (NumberFormatException e) {
            replier.answerCallback(callback.id(), texts.get(language, "following.stale"));
            return;
        }
        var removed = topics.unfollowId(callback.chatId(), id);
        replier.answerCallback(callback.id(), removed
                .map(phrase -> texts.get(language, "following.removed", Html.echo(phrase)))
                .orElse(texts.get(language, "following.stale")));
        if (callback.messageId() != 0) {
            List<FollowedTopics.Topic> mine = topics.list(callback.chatId());
            replier.editLater(callback.chatId(), callback.messageId(), text(mine, language), keyboard(mine));
        }
    }

    private String text(List<FollowedTopics.Topic> mine, String language) {
        if (mine.isEmpty()) {
            return texts.get(language, "following.none");
        }
        StringBuilder out = new StringBuilder(texts.get(language, "following.title", mine.size(), Topics.MAX_TOPICS));
        for (int i = 0; i < mine.size(); i++) {
            out.append('\n').append(i + 1).append(". ").append(Html.escape(mine.get(i).phrase()));
        }
        return out.toString();
    }

    private static InlineKeyboardMarkup keyboard(List<FollowedTopics.Topic> mine) {
        if (mine.isEmpty()) {
            return null;
        }
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (int i = 0; i < mine.size(); i++) {
            rows.add(new InlineKeyboardRow(Keyboards.button("✖️ " + (i + 1) + ". " + mine.get(i).phrase(),
                    PREFIX + mine.get(i).id())));
        }
        return Keyboards.of(rows);
    }
}
