package newsbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The channel.&lt;id&gt;.* keys through the real loader. */
class ChannelKeysTest {

    @Test
    void aChannelWithEveryKeyAndOneWithDefaults() {
        Map<String, String> m = ConfigLoaderTest.minimal();
        m.put("channel.site.chat", "@site_news");
        m.put("channel.site.categories", "economy");
        m.put("channel.site.breaking", "false");
        m.put("channel.site.digest-times", "18:00,9:00");
        m.put("channel.site.timezone", "Asia/Tokyo");
        m.put("channel.site.language", "ky");
        m.put("channel.site.silent", "true");
        m.put("channel.forum.chat", "-1001234567890");
        m.put("channel.forum.thread", "42");
        BotConfig config = new ConfigLoader(Map.of()).fromMap(m);

        assertThat(config.channels()).hasSize(2);
        ChannelConfig site = config.channels().get(0);
        assertThat(site).isEqualTo(new ChannelConfig("site", "@site_news", java.util.List.of("economy"), false,
                java.util.List.of(LocalTime.of(9, 0), LocalTime.of(18, 0)), ZoneId.of("Asia/Tokyo"), "ky", true, null));
        assertThat(site.numericChatId()).isEmpty();
        ChannelConfig forum = config.channels().get(1);
        assertThat(forum.categories()).containsExactly("economy", "sport");
        assertThat(forum.breaking()).isTrue();
        assertThat(forum.digestTimes()).isEmpty();
        assertThat(forum.zone()).isEqualTo(config.digest().defaultZone());
        assertThat(forum.language()).isEqualTo("ru");
        assertThat(forum.silent()).isFalse();
        assertThat(forum.threadId()).isEqualTo(42);
        assertThat(forum.numericChatId()).hasValue(-1001234567890L);
    }

    @Test
    void environmentOverridesAChannelKey() {
        Map<String, String> m = ConfigLoaderTest.minimal();
        m.put("channel.site.chat", "@site_news");
        BotConfig config = new ConfigLoader(Map.of("NEWSBOT_CHANNEL_SITE_CHAT", "@other_news")).fromMap(m);
        assertThat(config.channels().get(0).chat()).isEqualTo("@other_news");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "channel.site.chat|site_news              |channel.site.chat",
            "channel.site.chat|@abc                   |channel.site.chat",
            "channel.site.chat|1001234                |channel.site.chat",
            "channel.site.chat|-9999999999999999999   |channel.site.chat",
            "channel.site.categories|culture          |channel.site.categories",
            "channel.site.breaking|yes                |channel.site.breaking",
            "channel.site.digest-times|9am            |channel.site.digest-times",
            "channel.site.timezone|Mars/Olympus       |channel.site.timezone",
            "channel.site.language|de                 |channel.site.language",
            "channel.site.silent|1                    |channel.site.silent",
            "channel.site.thread|0                    |channel.site.thread",
            "channel.site.thread|topic                |channel.site.thread",
            "channel.site.colour|red                  |channel.site.colour",
            "channel.other.language|en                |channel.other.chat",
    })
    void badValuesNameTheKey(String key, String value, String namedKey) {
        Map<String, String> m = ConfigLoaderTest.minimal();
        m.put("channel.site.chat", "@site_news");
        m.put(key, value);
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).fromMap(m))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(namedKey + ": ")
                .message().doesNotContain("\n");
    }

    @Test
    void theSameChatTwiceIsRefused() {
        Map<String, String> m = ConfigLoaderTest.minimal();
        m.put("channel.a.chat", "@Site_News");
        m.put("channel.b.chat", "@site_news");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).fromMap(m))
                .hasMessage("channel.b.chat: '@site_news' is configured twice");
    }
}
