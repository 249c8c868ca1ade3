package newsbot.chat;

import newsbot.testing.RecordingReplier;

import newsbot.messages.BotCommandsMenu;
import newsbot.messages.Texts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsbot.config.Languages;
import org.junit.jupiter.api.Test;

/**
 * Every language is complete: each bundle has every key of the default one, with the same placeholders in the same
 * order, and every text fits Telegram's limits once filled in. Adding a language is one bundle and one entry in
 * {@link Languages#ALL}; this test then checks the bundle.
 */
class BundlesTest {

    // Telegram's limits, kept here rather than read from production code (DESIGN §6).
    private static final int MAX_MESSAGE = 4096;
    private static final int MAX_CALLBACK_ANSWER = 200;
    private static final int MAX_COMMAND_DESCRIPTION = 256;
    private static final int MAX_COMMANDS = 100;
    private static final Pattern PLACEHOLDER = Pattern.compile("%[sd%]");
    /** Keys shown as a callback toast (answerCallbackQuery text). */
    private static final List<String> TOASTS = List.of("callback.on", "callback.off", "callback.stale",
            "settings.saved", "settings.stale", "search.stale", "search.end", "following.removed",
            "following.stale", "digest.first.sent");

    private static Map<String, String> load(String language) throws IOException {
        String name = "/" + Texts.BUNDLE.replace('.', '/') + "_" + language + ".properties";
        try (InputStream in = BundlesTest.class.getResourceAsStream(name)) {
            assertThat(in).as("bundle %s", name).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> map = new TreeMap<>();
            p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
            return map;
        }
    }

    private static List<String> placeholders(String value) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** The text as a reader would get it, with long sample arguments: a filled text must still fit. */
    private static String filled(Texts texts, String language, String key, String value) {
        List<Object> args = new ArrayList<>();
        for (String p : placeholders(value)) {
            if (p.equals("%s")) {
                args.add("Экономика и финансы Кыргызстана");
            } else if (p.equals("%d")) {
                args.add(100_000);
            }
        }
        return texts.get(language, key, args.toArray());
    }

    @Test
    void everyBundleHasEveryKeyWithTheSamePlaceholders() throws IOException {
        Map<String, String> reference = load(Languages.DEFAULT);
        assertThat(Languages.ALL).contains("ru", "en", "ky");
        for (String language : Languages.ALL) {
            Map<String, String> bundle = load(language);
            assertThat(bundle.keySet()).as("keys of %s", language).isEqualTo(reference.keySet());
            for (Map.Entry<String, String> e : reference.entrySet()) {
                assertThat(placeholders(bundle.get(e.getKey()))).as("%s in %s", e.getKey(), language)
                        .isEqualTo(placeholders(e.getValue()));
                assertThat(bundle.get(e.getKey())).as("%s in %s", e.getKey(), language).isNotBlank();
            }
        }
    }

    @Test
    void everyTextFitsTelegramsLimitsInEveryLanguage() throws IOException {
        Texts texts = new Texts();
        for (String language : Languages.ALL) {
            for (Map.Entry<String, String> e : load(language).entrySet()) {
                String text = filled(texts, language, e.getKey(), e.getValue());
                assertThat(text.length()).as("%s in %s", e.getKey(), language).isLessThanOrEqualTo(MAX_MESSAGE);
                // Sent as Telegram HTML: tags must be ones Telegram knows, balanced, entities valid.
                if (!e.getKey().startsWith("digest.") && !e.getKey().startsWith("latest.heading")
                        && !e.getKey().startsWith("search.heading")) {
                    RecordingReplier.assertValidHtml(text);
                }
            }
            for (String key : TOASTS) {
                String text = filled(texts, language, key, texts.get(language, key));
                assertThat(text.length()).as("toast %s in %s", key, language).isLessThanOrEqualTo(MAX_CALLBACK_ANSWER);
                assertThat(text).as("toast %s in %s is plain text", key, language).doesNotContain("<");
            }
            List<BotCommandsMenu.MenuEntry> menu = new BotCommandsMenu(texts).entries(language);
            assertThat(menu).hasSizeLessThanOrEqualTo(MAX_COMMANDS);
            for (BotCommandsMenu.MenuEntry entry : menu) {
                assertThat(entry.command()).matches("[a-z0-9_]{1,32}");
                assertThat(entry.description().length()).as("cmd.%s in %s", entry.command(), language)
                        .isBetween(1, MAX_COMMAND_DESCRIPTION);
            }
        }
    }

    /** The command list is one: /help in every language names every command of the menu. */
    @Test
    void helpNamesEveryCommandOfTheMenuInEveryLanguage() {
        Texts texts = new Texts();
        for (String language : Languages.ALL) {
            String help = texts.get(language, "help");
            for (String command : newsbot.messages.BotCommandsMenu.READER_COMMANDS) {
                assertThat(help).as("/help in %s", language).containsPattern("/" + command + "\\b");
            }
        }
    }

    @Test
    void telegramLanguageCodesChooseTheBotsLanguage() {
        assertThat(Languages.forTelegram("ky")).isEqualTo("ky");
        assertThat(Languages.forTelegram("ky-KG")).isEqualTo("ky");
        assertThat(Languages.forTelegram("en-GB")).isEqualTo("en");
        assertThat(Languages.forTelegram("ru")).isEqualTo("ru");
        assertThat(Languages.forTelegram("kk")).isEqualTo("ru");
        assertThat(Languages.forTelegram(null)).isEqualTo("ru");
        assertThat(new Texts().get("ky", "language.set")).isEqualTo("Тил: кыргызча.");
    }
}
