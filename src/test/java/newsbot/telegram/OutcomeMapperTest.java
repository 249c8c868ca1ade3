package newsbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

class OutcomeMapperTest {

    @Test
    void mapsApiAnswersByCodeDescriptionAndParameters() {
        assertThat(OutcomeMapper.fromApiAnswer(429, "Too Many Requests: retry after 7", null))
                .isEqualTo(new SendOutcome.RetryAfter(Duration.ofSeconds(7)));
        ResponseParameters retry = new ResponseParameters();
        retry.setRetryAfter(12);
        assertThat(OutcomeMapper.fromApiAnswer(429, "Too Many Requests", retry))
                .isEqualTo(new SendOutcome.RetryAfter(Duration.ofSeconds(12)));
        ResponseParameters migrate = new ResponseParameters();
        migrate.setMigrateToChatId(-100L);
        assertThat(OutcomeMapper.fromApiAnswer(400, "Bad Request: group chat was upgraded", migrate))
                .isEqualTo(new SendOutcome.Migrated(-100L));
        assertThat(OutcomeMapper.fromApiAnswer(403, "Forbidden: bot can't initiate conversation with a user", null))
                .isInstanceOf(SendOutcome.Blocked.class);
        assertThat(OutcomeMapper.fromApiAnswer(400, "Bad Request: group chat was deactivated", null))
                .isInstanceOf(SendOutcome.ChatGone.class);
        assertThat(OutcomeMapper.fromApiAnswer(401, "Unauthorized", null))
                .isEqualTo(new SendOutcome.Rejected(401, "Unauthorized"));
        assertThat(OutcomeMapper.fromApiAnswer(502, "Bad Gateway", null)).isInstanceOf(SendOutcome.Transient.class);
    }

    /** A chat that takes no rich messages is its own outcome; a document Telegram finds wrong is a bug. */
    @Test
    void aChatRefusingRichMessagesIsNotADocumentRefused() {
        assertThat(OutcomeMapper.fromApiAnswer(400, "Bad Request: rich messages are not supported in the chat", null))
                .isInstanceOf(SendOutcome.RichRefused.class);
        assertThat(OutcomeMapper.fromApiAnswer(400, "Bad Request: RICH_MESSAGES_FORBIDDEN", null))
                .isInstanceOf(SendOutcome.RichRefused.class);
        assertThat(OutcomeMapper.fromApiAnswer(400, "Bad Request: too many blocks in the rich message", null))
                .isInstanceOf(SendOutcome.Rejected.class);
        assertThat(OutcomeMapper.fromApiAnswer(400, "Bad Request: wrong media URL in the rich message: x", null))
                .isInstanceOf(SendOutcome.Rejected.class);
    }

    @Test
    void networkFailuresAndUnreadableAnswersAreTransient() {
        assertThat(OutcomeMapper.fromFailure(new TelegramApiException("Unable to execute sendmessage method",
                new SocketTimeoutException("timeout")))).isEqualTo(new SendOutcome.Transient(
                "SocketTimeoutException: timeout"));
        assertThat(OutcomeMapper.fromFailure(new IOException("Canceled")))
                .isEqualTo(new SendOutcome.Transient("IOException: Canceled"));
        assertThat(OutcomeMapper.fromFailure(new TelegramApiRequestException("Unable to deserialize response")))
                .isInstanceOf(SendOutcome.Transient.class);
    }

    @Test
    void noticesInterrupts() {
        TelegramApiException wrapped = new TelegramApiException("Unable to execute x", new InterruptedException());
        assertThat(OutcomeMapper.causedByInterrupt(wrapped)).isTrue();
        assertThat(OutcomeMapper.causedByInterrupt(new TelegramApiException("x"))).isFalse();
    }
}
