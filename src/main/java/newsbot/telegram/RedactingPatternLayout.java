package newsbot.telegram;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * A logback {@link PatternLayout} that redacts bot tokens from the whole formatted event, message and stack trace
 * alike: telegrambots and OkHttp put request URLs, which contain the token, into their messages and exceptions.
 *
 * <p>Token-shaped text is always redacted; the configured token itself is redacted too once
 * {@link #registerToken(String)} has put it into the logger context (logback builds layouts before the bot
 * config is read, so the token cannot come in through the constructor).
 */
public class RedactingPatternLayout extends PatternLayout {

    /** Logger-context property holding the configured token. */
    public static final String TOKEN_PROPERTY = "newsbot.telegram.token";

    private volatile TokenRedactor redactor = TokenRedactor.patternsOnly();
    private volatile String redactorToken;

    /** Makes every {@code RedactingPatternLayout} of the current logback context redact this exact token. */
    public static void registerToken(String token) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            context.putProperty(TOKEN_PROPERTY, token);
        }
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        return currentRedactor().redact(super.doLayout(event));
    }

    private TokenRedactor currentRedactor() {
        String token = getContext() == null ? null : getContext().getProperty(TOKEN_PROPERTY);
        if (token != null && !token.equals(redactorToken)) {
            redactor = new TokenRedactor(token);
            redactorToken = token;
        }
        return redactor;
    }
}
