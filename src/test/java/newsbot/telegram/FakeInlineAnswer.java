package newsbot.telegram;

import java.util.List;

/** The bot's answerInlineQuery, as checked and recorded by the fake. */
public record FakeInlineAnswer(String inlineQueryId, List<FakeInlineResult> results, int cacheTime,
                               boolean personal, long answeredAtNanos) {
}
