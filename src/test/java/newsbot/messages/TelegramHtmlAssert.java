package newsbot.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What Telegram's HTML parser would reject or show wrongly, checked on composed messages. */
public final class TelegramHtmlAssert {

    private static final Pattern TAG = Pattern.compile("<(/?)([a-z]+)((?: href=\"[^\"<>]*\")?)>");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot);");
    private static final Set<String> ALLOWED = Set.of("b", "i", "a");

    private TelegramHtmlAssert() {
    }

    /** At most 4096 UTF-16 units, only allowed tags, balanced and properly nested, every & an entity, no stray <. */
    public static void assertValidMessage(String html) {
        assertThat(html.length()).as("message length").isBetween(1, 4096);
        Deque<String> open = new ArrayDeque<>();
        Matcher tag = TAG.matcher(html);
        int position = 0;
        while (tag.find()) {
            assertText(html.substring(position, tag.start()), html);
            String name = tag.group(2);
            assertThat(ALLOWED).as("tag <%s> in %s", name, html).contains(name);
            if (tag.group(1).isEmpty()) {
                assertThat(name.equals("a") == !tag.group(3).isEmpty()).as("href only on <a>: %s", html).isTrue();
                open.push(name);
            } else {
                if (open.isEmpty() || !open.pop().equals(name)) {
                    fail("unbalanced </%s> in %s", name, html);
                }
            }
            position = tag.end();
        }
        assertText(html.substring(position), html);
        assertThat(open).as("unclosed tags in %s", html).isEmpty();
        for (String line : html.split("\n", -1)) {
            assertThat(line).as("trailing whitespace").doesNotEndWith(" ");
        }
        assertThat(html).doesNotStartWith("\n").doesNotEndWith("\n");
    }

    public static void assertValidParts(List<String> parts) {
        assertThat(parts).isNotEmpty();
        parts.forEach(TelegramHtmlAssert::assertValidMessage);
    }

    private static void assertText(String text, String whole) {
        assertThat(text).as("stray < or > in %s", whole).doesNotContain("<", ">");
        String withoutEntities = ENTITY.matcher(text).replaceAll("");
        assertThat(withoutEntities).as("bare & in %s", whole).doesNotContain("&");
    }
}
