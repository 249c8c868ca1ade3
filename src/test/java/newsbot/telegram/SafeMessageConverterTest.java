package newsbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class SafeMessageConverterTest {

    @Test
    void controlCharactersInArgumentsAreEscapedSoTheEventStaysOneLine() {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent("x", context.getLogger("FeedIngest"), Level.WARN,
                "feed {} failing: {}", null, new Object[] {"main", "HTTP 500 \r\n2026-01-01 INFO forged\t\u001b[31mred\u2028"});
        SafeMessageConverter converter = new SafeMessageConverter();
        converter.setContext(context);
        converter.start();

        assertThat(converter.convert(event))
                .isEqualTo("feed main failing: HTTP 500 \\r\\n2026-01-01 INFO forged\\t\\u001b[31mred\\u2028");
        assertThat(SafeMessageConverter.escape("plain текст")).isEqualTo("plain текст");
    }
}
