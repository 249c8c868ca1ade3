package newsbot.ops;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4, for tests: no parser artifact resolves here
 * (prometheus-metrics-exposition-textformats only writes). It rejects what Prometheus would: bad names, bad label
 * syntax or escapes, unparsable values, a TYPE after its samples or given twice, a family split in two, a series
 * repeated, samples whose names do not belong to their TYPE.
 */
public final class PrometheusText {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern TYPE = Pattern.compile("# TYPE (\\S+) (counter|gauge|histogram|summary|untyped)");
    private static final Pattern HELP = Pattern.compile("# HELP (\\S+)( .*)?");
    private static final Set<String> SUFFIXES = Set.of("_count", "_sum", "_bucket", "_total", "_created");

    /** One series: a metric name and its labels, sorted. */
    public record Series(String name, Map<String, String> labels) {
    }

    private final Map<Series, Double> samples;
    private final Map<String, String> types;

    private PrometheusText(Map<Series, Double> samples, Map<String, String> types) {
        this.samples = samples;
        this.types = types;
    }

    /** @throws IllegalArgumentException naming the line that breaks the format */
    public static PrometheusText parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the exposition must end with a newline");
        }
        Map<Series, Double> samples = new LinkedHashMap<>();
        Map<String, String> types = new HashMap<>();
        Set<String> closedFamilies = new HashSet<>();
        String currentFamily = null;
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                Matcher type = TYPE.matcher(line);
                if (type.matches()) {
                    String family = name(type.group(1), lineNo);
                    if (types.put(family, type.group(2)) != null) {
                        throw bad(lineNo, "second TYPE for " + family);
                    }
                    if (samples.keySet().stream().anyMatch(s -> familyOf(s.name(), types).equals(family))) {
                        throw bad(lineNo, "TYPE of " + family + " after its samples");
                    }
                } else if (line.startsWith("# TYPE")) {
                    throw bad(lineNo, "malformed TYPE");
                } else if (line.startsWith("# HELP") && !HELP.matcher(line).matches()) {
                    throw bad(lineNo, "malformed HELP");
                }
                continue;
            }
            Parsed p = sample(line, lineNo);
            String family = familyOf(p.series().name(), types);
            String type = types.getOrDefault(family, "untyped");
            checkBelongs(p.series(), family, type, lineNo);
            if (!family.equals(currentFamily)) {
                if (!closedFamilies.add(family)) {
                    throw bad(lineNo, "samples of " + family + " are not contiguous");
                }
                currentFamily = family;
            }
            if (samples.put(p.series(), p.value()) != null) {
                throw bad(lineNo, "series repeated: " + p.series());
            }
        }
        return new PrometheusText(samples, types);
    }

    public Optional<Double> value(String name, String... labelPairs) {
        Map<String, String> labels = new TreeMap<>();
        for (int i = 0; i < labelPairs.length; i += 2) {
            labels.put(labelPairs[i], labelPairs[i + 1]);
        }
        return Optional.ofNullable(samples.get(new Series(name, labels)));
    }

    /** The single sample of {@code name} whose labels include these (others may be present, e.g. application). */
    public double require(String name, String... labelPairs) {
        Double found = null;
        for (Map.Entry<Series, Double> e : samples.entrySet()) {
            if (!e.getKey().name().equals(name)) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < labelPairs.length; i += 2) {
                match &= labelPairs[i + 1].equals(e.getKey().labels().get(labelPairs[i]));
            }
            if (match) {
                if (found != null) {
                    throw new IllegalStateException("more than one series " + name + " with " + String.join(",", labelPairs));
                }
                found = e.getValue();
            }
        }
        if (found == null) {
            throw new IllegalStateException("no series " + name + " with " + String.join(",", labelPairs));
        }
        return found;
    }

    public Optional<String> type(String family) {
        return Optional.ofNullable(types.get(family));
    }

    public Set<Series> series() {
        return samples.keySet();
    }

    private record Parsed(Series series, double value) {
    }

    private static Parsed sample(String line, int lineNo) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = name(line.substring(0, i), lineNo);
        Map<String, String> labels = new TreeMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (true) {
                if (i < line.length() && line.charAt(i) == '}') {
                    i++;
                    break;
                }
                int eq = line.indexOf('=', i);
                if (eq < 0) {
                    throw bad(lineNo, "label without '='");
                }
                String label = line.substring(i, eq);
                if (!LABEL.matcher(label).matches() || label.startsWith("__")) {
                    throw bad(lineNo, "bad label name '" + label + "'");
                }
                if (eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
                    throw bad(lineNo, "label value not quoted");
                }
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                for (; j < line.length() && line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char next = j + 1 < line.length() ? line.charAt(++j) : ' ';
                        switch (next) {
                            case '\\' -> value.append('\\');
                            case '"' -> value.append('"');
                            case 'n' -> value.append('\n');
                            default -> throw bad(lineNo, "bad escape \\" + next);
                        }
                    } else {
                        value.append(c);
                    }
                }
                if (j >= line.length()) {
                    throw bad(lineNo, "unterminated label value");
                }
                if (labels.put(label, value.toString()) != null) {
                    throw bad(lineNo, "label " + label + " twice");
                }
                i = j + 1;
                if (i < line.length() && line.charAt(i) == ',') {
                    i++;
                } else if (i >= line.length() || line.charAt(i) != '}') {
                    throw bad(lineNo, "expected ',' or '}' after a label");
                }
            }
        }
        if (i >= line.length() || line.charAt(i) != ' ') {
            throw bad(lineNo, "expected a space before the value");
        }
        String[] rest = line.substring(i + 1).split(" ", -1);
        if (rest.length > 2 || rest[0].isEmpty()) {
            throw bad(lineNo, "expected 'value [timestamp]'");
        }
        double value = number(rest[0], lineNo);
        if (rest.length == 2) {
            try {
                Long.parseLong(rest[1]);
            } catch (NumberFormatException e) {
                throw bad(lineNo, "bad timestamp '" + rest[1] + "'");
            }
        }
        return new Parsed(new Series(name, labels), value);
    }

    private static double number(String text, int lineNo) {
        switch (text) {
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            case "NaN":
                return Double.NaN;
            default:
                if (!text.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
                    throw bad(lineNo, "bad value '" + text + "'");
                }
                return Double.parseDouble(text);
        }
    }

    private static String familyOf(String sampleName, Map<String, String> types) {
        if (types.containsKey(sampleName)) {
            return sampleName;
        }
        for (String suffix : SUFFIXES) {
            if (sampleName.endsWith(suffix)) {
                String base = sampleName.substring(0, sampleName.length() - suffix.length());
                if (types.containsKey(base)) {
                    return base;
                }
            }
        }
        return sampleName;
    }

    private static void checkBelongs(Series s, String family, String type, int lineNo) {
        String suffix = s.name().substring(family.length());
        boolean ok = switch (type) {
            case "counter" -> suffix.isEmpty() || suffix.equals("_total") || suffix.equals("_created");
            case "gauge", "untyped" -> suffix.isEmpty();
            case "summary" -> suffix.equals("_count") || suffix.equals("_sum")
                    || (suffix.isEmpty() && s.labels().containsKey("quantile"));
            case "histogram" -> suffix.equals("_count") || suffix.equals("_sum")
                    || (suffix.equals("_bucket") && s.labels().containsKey("le"));
            default -> false;
        };
        if (!ok) {
            throw bad(lineNo, s.name() + " does not belong to " + type + " " + family);
        }
    }

    private static String name(String text, int lineNo) {
        if (!NAME.matcher(text).matches()) {
            throw bad(lineNo, "bad metric name '" + text + "'");
        }
        return text;
    }

    private static IllegalArgumentException bad(int lineNo, String why) {
        return new IllegalArgumentException("line " + lineNo + ": " + why);
    }
}
