package newsbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.TelegramUrl;

class BotApiUrlTest {

    @Test
    void parsesTheOfficialAndALocalServer() {
        assertThat(BotApiUrl.parse("https://api.telegram.org"))
                .isEqualTo(new TelegramUrl("https", "api.telegram.org", 443, false));
        assertThat(BotApiUrl.parse("http://127.0.0.1:8081/"))
                .isEqualTo(new TelegramUrl("http", "127.0.0.1", 8081, false));
        assertThat(BotApiUrl.parse(" HTTP://bot-api.local ")).isEqualTo(new TelegramUrl("http", "bot-api.local", 80, false));
        assertThat(BotApiUrl.parse("http://[::1]:9000")).isEqualTo(new TelegramUrl("http", "::1", 9000, false));
    }

    @Test
    void rejectsWhatTheClientCannotUseNamingTheKey() {
        assertThatThrownBy(() -> BotApiUrl.parse("")).hasMessage("telegram.api-url: must not be empty");
        assertThatThrownBy(() -> BotApiUrl.parse("ftp://x")).hasMessageStartingWith("telegram.api-url: scheme");
        assertThatThrownBy(() -> BotApiUrl.parse("https://x.test/telegram"))
                .hasMessageContaining("base path is not supported");
        assertThatThrownBy(() -> BotApiUrl.parse("https://user:secret@x.test"))
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> BotApiUrl.parse("api.telegram.org")).isInstanceOf(IllegalArgumentException.class);
    }
}
