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

    /** Logger-context property holding the other secrets of the configuration (the proxy and database passwords). */
    public static final String SECRET_PROPERTY = "newsbot.telegram.secret";

    private volatile TokenRedactor redactor = TokenRedactor.patternsOnly();
    private volatile String redactorToken;
    private volatile String redactorSecret;

    /** Makes every {@code RedactingPatternLayout} of the current logback context redact this exact token. */
    public static void registerToken(String token) {
        if (token == null || token.isBlank()) {
            return;
        }
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            context.putProperty(TOKEN_PROPERTY, token);
        }
    }

    /** Makes every {@code RedactingPatternLayout} of the current logback context redact this exact text too. */
    public static void registerSecret(String secret) {
        if (secret == null || secret.isBlank()) {
            return;
        }
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            // several secrets (the proxy's and the database's passwords), kept NUL-separated in one property
            String known = context.getProperty(SECRET_PROPERTY);
            if (known == null || known.isEmpty()) {
                context.putProperty(SECRET_PROPERTY, secret);
            } else if (!java.util.List.of(known.split("\u0000")).contains(secret)) {
                context.putProperty(SECRET_PROPERTY, known + "\u0000" + secret);
            }
        }
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        return currentRedactor().redact(super.doLayout(event));
    }

    private TokenRedactor currentRedactor() {
        String token = getContext() == null ? null : getContext().getProperty(TOKEN_PROPERTY);
        String secret = getContext() == null ? null : getContext().getProperty(SECRET_PROPERTY);
        if (!java.util.Objects.equals(token, redactorToken) || !java.util.Objects.equals(secret, redactorSecret)) {
            redactor = new TokenRedactor(token, secret == null ? java.util.List.of() : java.util.List.of(secret.split("\u0000")));
            redactorToken = token;
            redactorSecret = secret;
        }
        return redactor;
    }
}
