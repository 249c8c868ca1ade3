package newsbot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The key table, bot.properties.example and README say the same. */
class ConfigKeysTest {

    /** A line setting a key, or a commented-out one showing it: {@code key=value} or {@code # key=value}. */
    private static final Pattern KEY_LINE = Pattern.compile("(?m)^#?\\s*([a-z][a-z0-9.\\-]*[a-z0-9])=");
    private static final Pattern PER_ITEM = Pattern.compile("^(category\\..*|feed\\.[^.]+\\.(url|category|hub)|channel\\..*)$");

    private static Set<String> table() {
        Set<String> names = new TreeSet<>();
        ConfigKeys.ALL.forEach(k -> names.add(k.name()));
        return names;
    }

    @Test
    void theExampleListsEveryKeyOfTheTableAndNoOther() throws IOException {
        String example = Files.readString(Path.of("bot.properties.example"), StandardCharsets.UTF_8);
        Set<String> shown = new TreeSet<>();
        Matcher m = KEY_LINE.matcher(example);
        while (m.find()) {
            if (!PER_ITEM.matcher(m.group(1)).matches()) {
                shown.add(m.group(1));
            }
        }
        assertThat(shown).isEqualTo(table());
    }

    @Test
    void theReadmeDocumentsEveryKeyOfTheTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertThat(table()).allSatisfy(key -> assertThat(readme).contains("| `" + key + "` |"));
    }

    @Test
    void everyDefaultOfTheTableIsAValidConfiguration() {
        // only what has no default is given: the rest comes from the table, and must load as it is
        BotConfig config = new ConfigLoader(Map.of()).fromMap(Map.of(
                "telegram.token", "123456789:AAFakeTokenForTests_abcdefghijklmnopq",
                "category.news", "Новости",
                "feed.main.url", "https://example.org/rss"));
        assertThat(config.delivery().maxInFlight()).as("auto").isZero();
        assertThat(config.feeds().summaryMaxChars())
                .isEqualTo(Integer.parseInt(ConfigKeys.find("articles.summary-max-chars").orElseThrow().defaultValue()));
    }
}
