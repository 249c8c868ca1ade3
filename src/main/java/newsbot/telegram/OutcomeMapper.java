package newsbot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/** Turns whatever a Bot API call failed with into a {@link SendOutcome}; pure, apart from noticing interrupts. */
final class OutcomeMapper {

    private static final Pattern RETRY_AFTER_TEXT = Pattern.compile("retry after (\\d+)");
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    /** Telegram's refusals of paid sending name paid broadcasts or Stars ("start tag" must not match). */
    private static final Pattern PAID_WORDS = Pattern.compile("\\b(paid|stars?)\\b");
    /** A chat that takes no rich messages at all (not a document Telegram found wrong: that is a bug, Rejected). */
    private static final Pattern RICH_REFUSED_WORDS = Pattern.compile(
            "rich messages? (are|is) not (supported|allowed|available)|rich_messages?_(forbidden|disabled)");

    private OutcomeMapper() {
    }

    static SendOutcome fromFailure(Throwable failure) {
        if (failure instanceof TelegramApiRequestException request && hasErrorCode(request)) {
            return fromApiAnswer(request.getErrorCode(), request.getApiResponse(), request.getParameters());
        }
        if (failure instanceof TelegramApiRequestException request && find(request, JsonProcessingException.class) != null) {
            // Only a 2xx Bot API answer reaches the parser as such (BotApiAnswers turns every other answer into an
            // error the library reads): Telegram took the call, the client could not read what it made of it.
            return new SendOutcome.Delivered(new SendOutcome.Sent.Unread(describe(find(request,
                    JsonProcessingException.class))));
        }
        if (failure instanceof TelegramApiValidationException validation) {
            // The library refused to send it (e.g. empty text): a bug on our side, like a 400.
            return new SendOutcome.Rejected(0, "invalid request: " + validation.getMessage());
        }
        Throwable io = find(failure, IOException.class);
        if (io != null) {
            return new SendOutcome.Transient(describe(io));
        }
        if (failure instanceof TelegramApiRequestException) {
            // No error code: the body was not a Bot API answer (a proxy's HTML 502 page, a truncated body).
            return new SendOutcome.Transient(describe(failure));
        }
        if (failure instanceof TelegramApiException) {
            return new SendOutcome.Transient(describe(failure));
        }
        return new SendOutcome.Transient("unexpected " + describe(failure));
    }

    /** Maps an {@code ok:false} answer by error code, description and parameters. */
    static SendOutcome fromApiAnswer(int code, String description, ResponseParameters parameters) {
        String reason = description == null ? "error " + code : description;
        if (parameters != null && parameters.getMigrateToChatId() != null) {
            return new SendOutcome.Migrated(parameters.getMigrateToChatId());
        }
        if (code == 429) {
            return new SendOutcome.RetryAfter(retryAfter(parameters, reason));
        }
        if (code == 403) {
            return new SendOutcome.Blocked(reason);
        }
        if (code >= 500) {
            return new SendOutcome.Transient(reason);
        }
        return code == 400 ? badRequest(reason) : new SendOutcome.Rejected(code, reason);
    }

    /** The one place Telegram's wording of a 400 is read: each refusal the sender treats apart gets its kind. */
    private static SendOutcome badRequest(String reason) {
        String lower = reason.toLowerCase(Locale.ROOT);
        if (lower.contains("chat not found") || lower.contains("chat was deactivated")) {
            return new SendOutcome.ChatGone(reason);
        }
        if (lower.contains("message is not modified")) {
            return new SendOutcome.NotModified(reason);
        }
        if (lower.contains("message to copy not found")) {
            return new SendOutcome.SourceGone(reason);
        }
        if (lower.contains("message can't be deleted") || lower.contains("message to delete not found")) {
            return new SendOutcome.CannotDelete(lower.contains("can't be deleted"), reason);
        }
        if (lower.contains("message can't be edited") || lower.contains("message to edit not found")
                || lower.contains("there is no text in the message") || lower.contains("there is no caption in the message")
                || lower.contains("message_id_invalid")) {
            return new SendOutcome.CannotEdit(reason);
        }
        if (lower.contains("rights") || lower.contains("chat_admin_required")) {
            return new SendOutcome.NoRights(reason);
        }
        if (RICH_REFUSED_WORDS.matcher(lower).find()) {
            return new SendOutcome.RichRefused(reason);
        }
        if (PAID_WORDS.matcher(lower).find()) {
            return new SendOutcome.PaidRefused(reason);
        }
        return new SendOutcome.Rejected(400, reason);
    }

    /** The library wraps an interrupted wait in its own exception; callers must restore the flag. */
    static boolean causedByInterrupt(Throwable failure) {
        return find(failure, InterruptedException.class) != null;
    }

    private static boolean hasErrorCode(TelegramApiRequestException e) {
        return e.getErrorCode() != null && e.getErrorCode() > 0;
    }

    private static Duration retryAfter(ResponseParameters parameters, String reason) {
        if (parameters != null && parameters.getRetryAfter() != null && parameters.getRetryAfter() > 0) {
            return Duration.ofSeconds(parameters.getRetryAfter());
        }
        Matcher matcher = RETRY_AFTER_TEXT.matcher(reason);
        return matcher.find() ? Duration.ofSeconds(Long.parseLong(matcher.group(1))) : DEFAULT_RETRY_AFTER;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** One line: some messages (Jackson's) go on over several lines with source excerpts. */
    private static String describe(Throwable t) {
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return t.getClass().getSimpleName() + ": " + (newline < 0 ? message : message.substring(0, newline).strip());
    }
}
