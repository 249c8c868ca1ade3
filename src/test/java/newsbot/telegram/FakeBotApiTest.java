package newsbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake's own protocol behaviour, spoken to with plain HTTP. */
class FakeBotApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeBotApi telegram = FakeBotApi.start();
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(10, TimeUnit.SECONDS).build();

    @AfterEach
    void close() {
        telegram.close();
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer call(String token, String method, String json) {
        Request request = new Request.Builder()
                .url(telegram.apiUrl() + "/bot" + token + "/" + method)
                .post(RequestBody.create(json, MediaType.get("application/json")))
                .build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            return new Answer(response.code(), body.startsWith("{") ? JSON.readTree(body) : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer call(String method, String json) {
        return call(telegram.token(), method, json);
    }

    @Test
    void methodNamesAreCaseInsensitiveAndUnknownOnesAre404() {
        assertThat(call("GETME", "{}").body().at("/result/username").asText()).isEqualTo("fake_newsbot");
        assertThat(call("getme", "{}").body().at("/result/id").asLong()).isEqualTo(telegram.botId());
        Answer unknown = call("sendDice", "{}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().toString())
                .isEqualTo("{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        assertThat(call("123:wrong", "getMe", "{}").status()).isEqualTo(401);
        assertThat(telegram.requestCount("getMe")).isEqualTo(2);
    }

    @Test
    void getUpdatesForgetsBelowTheOffsetAndHonoursTheLimit() {
        telegram.userSends(1, 1, "a");
        telegram.userSends(1, 1, "b");
        telegram.userSends(1, 1, "c");

        JsonNode all = call("getUpdates", "{\"offset\":0,\"timeout\":0}").body().get("result");
        assertThat(all).extracting(u -> u.at("/message/text").asText()).containsExactly("a", "b", "c");
        JsonNode limited = call("getUpdates", "{\"offset\":2,\"limit\":1}").body().get("result");
        assertThat(limited).extracting(u -> u.get("update_id").asInt()).containsExactly(2);
        // Update 1 is gone for good once a poll asked for offset 2.
        JsonNode after = call("getUpdates", "{\"offset\":0}").body().get("result");
        assertThat(after).extracting(u -> u.get("update_id").asInt()).containsExactly(2, 3);
        assertThat(telegram.pendingUpdates()).isEqualTo(2);
    }

    @Test
    void longPollReturnsAsSoonAsAnUpdateArrives() throws Exception {
        CompletableFuture<Answer> poll = CompletableFuture.supplyAsync(
                () -> call("getUpdates", "{\"offset\":1,\"timeout\":30}"));
        telegram.awaitWaitingPoll(Duration.ofSeconds(5));

        long start = System.nanoTime();
        telegram.userSends(5, 5, "/start");
        Answer answer = poll.get(10, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        JsonNode message = answer.body().at("/result/0/message");
        assertThat(message.at("/entities/0/type").asText()).isEqualTo("bot_command");
        assertThat(message.at("/entities/0/length").asInt()).isEqualTo(6);
        assertThat(message.at("/chat/type").asText()).isEqualTo("private");
    }

    @Test
    void aNewerPollEndsAWaitingOneWith409() throws Exception {
        CompletableFuture<Answer> first = CompletableFuture.supplyAsync(
                () -> call("getUpdates", "{\"timeout\":30}"));
        telegram.awaitWaitingPoll(Duration.ofSeconds(5));

        Answer second = call("getUpdates", "{\"timeout\":0}");

        Answer ended = first.get(10, TimeUnit.SECONDS);
        assertThat(ended.status()).isEqualTo(409);
        assertThat(ended.body().get("description").asText()).startsWith("Conflict: terminated by other getUpdates");
        assertThat(second.status()).isEqualTo(200);
    }

    @Test
    void validatesLikeTelegram() {
        assertThat(call("sendMessage", "{\"chat_id\":\"1\",\"text\":\"<b>x</i>\",\"parse_mode\":\"html\"}")
                .body().get("description").asText())
                .isEqualTo("Bad Request: can't parse entities: Unmatched end tag at byte offset 4, "
                        + "expected \"</b>\", found \"</i>\"");
        assertThat(call("sendMessage", "{\"chat_id\":\"1\",\"text\":\"<b>x\",\"parse_mode\":\"HTML\"}")
                .body().get("description").asText())
                .isEqualTo("Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"");
        // Without a parse mode, markup is just text.
        assertThat(call("sendMessage", "{\"chat_id\":\"1\",\"text\":\"<b>x\"}").status()).isEqualTo(200);
        assertThat(call("setMyCommands", "{\"commands\":[{\"command\":\"" + "a".repeat(33)
                + "\",\"description\":\"d\"}]}").body().get("description").asText())
                .isEqualTo("Bad Request: BOT_COMMAND_INVALID");
        assertThat(call("sendMessage", "{\"chat_id\":\"1\",\"text\":\"x\",\"reply_markup\":{\"inline_keyboard\":"
                + "[[{\"text\":\"b\",\"callback_data\":\"\"}]]}}").status()).isEqualTo(400);
    }

    @Test
    void migratedGroupAnswerCarriesTheNewId() {
        telegram.migrate(-5, -1_000_000_000_005L);

        JsonNode body = call("sendMessage", "{\"chat_id\":\"-5\",\"text\":\"x\"}").body();

        assertThat(body.get("error_code").asInt()).isEqualTo(400);
        assertThat(body.get("description").asText())
                .isEqualTo("Bad Request: group chat was upgraded to a supergroup chat");
        assertThat(body.at("/parameters/migrate_to_chat_id").asLong()).isEqualTo(-1_000_000_000_005L);
    }

    @Test
    void faultsAreTakenInOrderAndCanTargetOneMethod() {
        telegram.failNext("sendMessage", 1, 500);
        telegram.failNext(1, 503);

        assertThat(call("getMe", "{}").status()).isEqualTo(503);
        assertThat(call("sendMessage", "{\"chat_id\":\"1\",\"text\":\"x\"}").status()).isEqualTo(500);
        assertThat(call("sendMessage", "{\"chat_id\":\"1\",\"text\":\"x\"}").status()).isEqualTo(200);
        assertThat(telegram.requests()).extracting(FakeCall::status).containsExactly(503, 500, 200);
    }

    @Test
    void awaitHelpersFailWithWhatWasSent() {
        call("sendMessage", "{\"chat_id\":\"7\",\"text\":\"only one\"}");

        assertThat(telegram.awaitMessages(7, 1, Duration.ofSeconds(1))).hasSize(1);
        assertThatThrownBy(() -> telegram.awaitMessages(7, 2, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("2 message(s) to chat 7")
                .hasMessageContaining("only one");
    }

    @Test
    void newMethodsAreCanonicalRecordedAndFaultable() {
        int text = telegram.userSends(1, 1, "copy me");
        telegram.delayResponses("copyMessage", Duration.ofMillis(150));

        long start = System.nanoTime();
        Answer copied = call("COPYMESSAGE", "{\"chat_id\":2,\"from_chat_id\":1,\"message_id\":" + text + "}");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(copied.body().toString()).isEqualTo("{\"ok\":true,\"result\":{\"message_id\":1}}");
        telegram.clearFaults();
        telegram.failNext("copymessages", 1, 502);
        assertThat(call("copyMessages", "{\"chat_id\":2,\"from_chat_id\":1,\"message_ids\":[1]}").status())
                .isEqualTo(502);
        // message_ids may come JSON-serialized in a form body, as for any structured parameter.
        assertThat(call("copyMessages", "{\"chat_id\":2,\"from_chat_id\":1,\"message_ids\":\"[1]\"}")
                .body().at("/result/0/message_id").asInt()).isEqualTo(2);
        assertThat(call("copyMessages", "{\"chat_id\":2,\"from_chat_id\":1,\"message_ids\":[]}")
                .body().get("description").asText()).isEqualTo("Bad Request: message identifiers are not specified");
        String many = java.util.stream.IntStream.rangeClosed(1, 101).mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(","));
        assertThat(call("copyMessages", "{\"chat_id\":2,\"from_chat_id\":1,\"message_ids\":[" + many + "]}")
                .body().get("description").asText()).isEqualTo("Bad Request: too many messages to copy");
        assertThat(call("PinChatMessage", "{\"chat_id\":2,\"message_id\":1}").body().get("result").asBoolean())
                .isTrue();
        assertThat(call("editmessagecaption", "{\"chat_id\":2,\"message_id\":1,\"caption\":\"c\"}")
                .body().get("description").asText())
                .isEqualTo("Bad Request: there is no caption in the message to edit");
        assertThat(call("editMessageText", "{\"chat_id\":1,\"message_id\":" + text + ",\"text\":\"t\"}")
                .body().get("description").asText()).isEqualTo("Bad Request: message can't be edited");
        assertThat(telegram.requests()).extracting(FakeCall::method).containsExactly("copyMessage",
                "copyMessages", "copyMessages", "copyMessages", "copyMessages", "pinChatMessage",
                "editMessageCaption", "editMessageText");
        assertThat(telegram.isPinned(2, 1)).isTrue();
    }

    @Test
    void closeIsPrompt() {
        long start = System.nanoTime();
        telegram.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
    }
}
