package newsbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules of DESIGN.md §1, read off the sources: a package may use only the packages its arrows lead
 * to, directly or through another package (the layers below). Any mention of a project package counts, an import
 * or a fully qualified name; comments and strings do not.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/newsbot");

    /** What each feature package may use, besides itself and its own subpackages. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("html", Set.of()),
            Map.entry("config", Set.of()),
            Map.entry("feed", Set.of("html")),
            Map.entry("store", Set.of("html")),
            // pair: the lease that makes one instance of several active (issue 15); its SQL is in store.pg
            Map.entry("pair", Set.of("store")),
            Map.entry("schedule", Set.of("html", "store")),
            Map.entry("telegram", Set.of("html")),
            // messages reads feed's article blocks (feed knows neither Telegram nor SQL) to compose rich messages
            Map.entry("messages", Set.of("html", "config", "feed")),
            Map.entry("delivery", Set.of("telegram", "html", "store", "config")),
            Map.entry("digest", Set.of("schedule", "messages", "delivery", "telegram", "html", "store", "config")),
            Map.entry("ingest", Set.of("schedule", "feed", "messages", "delivery", "telegram", "html", "store", "config")),
            Map.entry("chat", Set.of("schedule", "messages", "delivery", "telegram", "html", "store", "config")),
            // ops: the operators' endpoint (health, metrics); reads the sender's and the store's numbers
            Map.entry("ops", Set.of("delivery", "telegram", "html", "store", "config")),
            Map.entry("admin", Set.of("schedule", "chat", "messages", "delivery", "telegram", "html", "store", "config")),
            Map.entry("app", Set.of("schedule", "chat", "admin", "digest", "ingest", "feed", "messages", "delivery", "telegram", "ops",
                    "pair", "html", "store", "config")));

    private static final Pattern MENTION = Pattern.compile("\\bnewsbot\\.([a-z]+)\\b");

    @Test
    void everyPackageUsesOnlyWhatItsArrowsAllow() throws IOException {
        List<String> broken = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Path file : sources()) {
            String pkg = MAIN.relativize(file).getName(0).toString();
            seen.add(pkg);
            assertThat(ALLOWED).as("package %s is not in DESIGN.md §1", pkg).containsKey(pkg);
            String code = withoutCommentsAndStrings(Files.readString(file, StandardCharsets.UTF_8));
            Matcher m = MENTION.matcher(code);
            Set<String> used = new TreeSet<>();
            while (m.find()) {
                used.add(m.group(1));
            }
            used.remove(pkg);
            for (String other : used) {
                if (!ALLOWED.get(pkg).contains(other)) {
                    broken.add(MAIN.relativize(file) + " uses " + other);
                }
            }
        }
        assertThat(seen).as("the packages of DESIGN.md §1").containsAll(ALLOWED.keySet());
        assertThat(broken).as("imports against the arrows of DESIGN.md §1").isEmpty();
    }

    /** Subpackages count on their own: the PostgreSQL-only code is seen by the store that wraps it and by app. */
    @Test
    void storePgIsSeenOnlyByStoreAndApp() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = MAIN.relativize(file).getName(0).toString();
            String code = withoutCommentsAndStrings(Files.readString(file, StandardCharsets.UTF_8));
            if (!pkg.equals("store") && !pkg.equals("app") && code.contains("newsbot.store.pg")) {
                broken.add(MAIN.relativize(file) + " uses newsbot.store.pg");
            }
        }
        assertThat(broken).as("store.pg is for store and app only (ARCHITECTURE.md)").isEmpty();
    }

    /** Every package in the sources is on the map. */
    @Test
    void everyPackageIsInTheMap() throws IOException {
        String map = Files.readString(Path.of("ARCHITECTURE.md"), StandardCharsets.UTF_8);
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            dirs.filter(Files::isDirectory).filter(d -> !d.equals(MAIN))
                    .map(d -> "newsbot." + MAIN.relativize(d).toString().replace('/', '.'))
                    .filter(name -> !map.contains("`" + name.substring("newsbot.".length()) + "`"))
                    .forEach(missing::add);
        }
        assertThat(missing).as("packages ARCHITECTURE.md does not name").isEmpty();
    }


    /** The code with comments, string and character literals blanked out (text blocks count as strings). */
    static String withoutCommentsAndStrings(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && source.charAt(i) != c) {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.getParent() != null && !f.getParent().equals(MAIN))
                    .toList();
        }
    }
}
