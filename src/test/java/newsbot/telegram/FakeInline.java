package newsbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Inline mode in the fake: answerInlineQuery checked as Telegram checks it (an open query id, at most 50 results,
 * result ids of 1–64 bytes and unique, article titles present, message texts valid and at most 4096 characters,
 * buttons as for messages), and the answer recorded. Error texts are Telegram's constants as client libraries
 * list them (RESULTS_TOO_MUCH, RESULT_ID_INVALID, RESULT_ID_DUPLICATE); RESULT_TITLE_EMPTY is assumed.
 */
final class FakeInline {

    private final FakeState state;
    private final FakeJson json;

    FakeInline(FakeState state, FakeJson json) {
        this.state = state;
        this.json = json;
    }

    JsonNode answerInlineQuery(FakeRequest r, long nanos) {
        String queryId = r.string("inline_query_id");
        JsonNode results = r.object("results");
        if (results == null || !results.isArray()) {
            throw FakeApiError.badRequest("field \"results\" must be an Array");
        }
        if (results.size() > FakeLimits.MAX_INLINE_RESULTS) {
            throw FakeApiError.badRequest("RESULTS_TOO_MUCH");
        }
        List<FakeInlineResult> parsed = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode result : results) {
            parsed.add(result(result, ids));
        }
        FakeInlineAnswer answer = new FakeInlineAnswer(queryId, List.copyOf(parsed), r.intOr("cache_time", 300),
                r.bool("is_personal"), nanos);
        state.locked(() -> {
            if (queryId == null || !state.openInlineQueries.remove(queryId)) {
                throw FakeApiError.badRequest("query is too old and response timeout expired or query ID is invalid");
            }
            state.inlineAnswers.add(answer);
            state.changed.signalAll();
            return null;
        });
        return BooleanNode.TRUE;
    }

    private FakeInlineResult result(JsonNode result, Set<String> ids) {
        String id = result.path("id").asText("");
        int bytes = id.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 1 || bytes > FakeLimits.MAX_INLINE_RESULT_ID_BYTES) {
            throw FakeApiError.badRequest("RESULT_ID_INVALID");
        }
        if (!ids.add(id)) {
            throw FakeApiError.badRequest("RESULT_ID_DUPLICATE");
        }
        if (!"article".equals(result.path("type").asText())) {
            throw FakeApiError.badRequest("the fake knows article results only, not " + result.path("type"));
        }
        String title = result.path("title").asText("");
        if (title.isBlank()) {
            throw FakeApiError.badRequest("RESULT_TITLE_EMPTY");
        }
        JsonNode content = result.path("input_message_content");
        String text = content.hasNonNull("message_text") ? content.get("message_text").asText() : null;
        String parseMode = content.hasNonNull("parse_mode") ? content.get("parse_mode").asText() : null;
        String plain = FakeMethods.visibleText(text, parseMode, FakeLimits.MAX_MESSAGE, "MESSAGE_TOO_LONG",
                "message text is empty");
        FakeMarkup.Parsed markup = FakeMarkup.parse(result.get("reply_markup"), json);
        return new FakeInlineResult(id, title, result.path("description").asText(""), text, plain, markup.keyboard());
    }
}
