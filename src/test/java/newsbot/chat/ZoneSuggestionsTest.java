package newsbot.chat;


import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ZoneSuggestionsTest {

    private final ZoneSuggestions zones = new ZoneSuggestions();

    @Test
    void resolvesIdsCitiesRussianNamesAndOffsets() {
        assertThat(zones.resolve("Asia/Bishkek")).contains(ZoneId.of("Asia/Bishkek"));
        assertThat(zones.resolve("asia/bishkek")).contains(ZoneId.of("Asia/Bishkek"));
        assertThat(zones.resolve("Bishkek")).contains(ZoneId.of("Asia/Bishkek"));
        assertThat(zones.resolve("Бишкек")).contains(ZoneId.of("Asia/Bishkek"));
        assertThat(zones.resolve("new york")).contains(ZoneId.of("America/New_York"));
        assertThat(zones.resolve("UTC+6")).contains(ZoneOffset.ofHours(6));
        assertThat(zones.resolve("GMT-3:30")).contains(ZoneOffset.ofHoursMinutes(-3, -30));
        assertThat(zones.resolve("UTC")).contains(ZoneOffset.UTC);
        assertThat(zones.resolve("UTC+19")).isEmpty();
        assertThat(zones.resolve("Narnia")).isEmpty();
    }

    @Test
    void suggestsCloseCitiesForTypos() {
        assertThat(zones.suggest("Bishkec")).contains("Asia/Bishkek");
        assertThat(zones.suggest("Asia/Almatty")).contains("Asia/Almaty");
        assertThat(zones.suggest("qqqqqqqqqq")).isEmpty();
    }

    @Test
    void commandLineParsing() {
        assertThat(CommandLine.parse("/Start@NewsBot economy ")).isEqualTo(new CommandLine("start", "NewsBot", "economy"));
        assertThat(CommandLine.parse("/help")).isEqualTo(new CommandLine("help", null, ""));
        assertThat(CommandLine.parse("hello").isCommand()).isFalse();
        assertThat(CommandLine.parse("/x@other").isFor("newsbot")).isFalse();
        assertThat(CommandLine.parse("/x@NEWSBOT").isFor("newsbot")).isTrue();
    }
}
