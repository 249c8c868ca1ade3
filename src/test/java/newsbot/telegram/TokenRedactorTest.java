package newsbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.io.IOException;
import java.net.URL;
import org.junit.jupiter.api.Test;

class TokenRedactorTest {

    private static final String TOKEN = "123456:ABCdefGHIjklMNOpqrSTUvwxYZ0123456789_-";

    @Test
    void redactsTokensInUrlsAndTheConfiguredTokenAnywhere() {
        TokenRedactor redactor = new TokenRedactor("7:short-odd-token");

        assertThat(redactor.redact("POST https://api.telegram.org/bot" + TOKEN + "/sendMessage failed"))
                .isEqualTo("POST https://api.telegram.org/bot<redacted>/sendMessage failed");
        assertThat(redactor.redact("http://127.0.0.1:8081/bot123456%3AABC_def-1/getUpdates"))
                .isEqualTo("http://127.0.0.1:8081/bot<redacted>/getUpdates");
        assertThat(redactor.redact("token is " + TOKEN)).isEqualTo("token is <redacted>");
        assertThat(redactor.redact("configured 7:short-odd-token and bot7:short-odd-token"))
                .isEqualTo("configured <redacted> and bot<redacted>");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        TokenRedactor redactor = TokenRedactor.patternsOnly();

        String text = "chat 12345 at 10:30, http://127.0.0.1:8081/path, robot 5:x";
        assertThat(redactor.redact(text)).isEqualTo(text);
        assertThat(redactor.redact(null)).isNull();
    }

    @Test
    void layoutRedactsMessagesAndStackTraces() {
        LoggerContext context = new LoggerContext();
        RedactingPatternLayout layout = new RedactingPatternLayout();
        layout.setContext(context);
        layout.setPattern("%level %logger{0} - %msg%n");
        layout.start();
        LoggingEvent event = new LoggingEvent("x", context.getLogger("okhttp3.OkHttpClient"), Level.WARN,
                "calling https://api.telegram.org/bot{}/getMe", new IOException(
                        "unexpected end of stream on https://api.telegram.org/bot" + TOKEN + "/..."),
                new Object[] {TOKEN});

        String line = layout.doLayout(event);

        assertThat(line).startsWith("WARN OkHttpClient - calling https://api.telegram.org/bot<redacted>/getMe")
                .contains("java.io.IOException: unexpected end of stream on https://api.telegram.org/bot<redacted>/")
                .doesNotContain("ABCdef");
    }

    @Test
    void layoutRedactsTheRegisteredTokenEvenIfItLooksOdd() {
        LoggerContext context = new LoggerContext();
        RedactingPatternLayout layout = new RedactingPatternLayout();
        layout.setContext(context);
        layout.setPattern("%msg");
        layout.start();
        context.putProperty(RedactingPatternLayout.TOKEN_PROPERTY, "odd-secret-value");

        String line = layout.doLayout(new LoggingEvent("x", context.getLogger("a"), Level.INFO,
                "the token odd-secret-value leaked", null, null));

        assertThat(line).isEqualTo("the token <redacted> leaked");
    }

    @Test
    void shippedLogbackConfigUsesTheRedactingLayout() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        URL config = getClass().getResource("/logback.xml");
        configurator.doConfigure(config);

        ConsoleAppender<?> console = (ConsoleAppender<?>) context.getLogger("ROOT").getAppender("CONSOLE");
        LayoutWrappingEncoder<?> encoder = (LayoutWrappingEncoder<?>) console.getEncoder();
        assertThat(encoder.getLayout()).isInstanceOf(RedactingPatternLayout.class);
        assertThat(context.getLogger("org.telegram").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("okhttp3").getLevel()).isEqualTo(Level.WARN);
        context.stop();
    }

    @Test
    void redactsProxyCredentialsInUrlsAndTheConfiguredPasswordAnywhere() {
        TokenRedactor redactor = new TokenRedactor(null, java.util.List.of("hunter2-pass"));
        assertThat(redactor.redact("connect to http://relay:hunter2-pass@10.0.0.1:3128 failed"))
                .isEqualTo("connect to http://<redacted>@10.0.0.1:3128 failed");
        assertThat(redactor.redact("proxy said no to hunter2-pass")).isEqualTo("proxy said no to <redacted>");
        assertThat(TokenRedactor.patternsOnly().redact("via socks5://u:other-secret@h:1080 and https://h/a:b"))
                .isEqualTo("via socks5://<redacted>@h:1080 and https://h/a:b");
    }
}
