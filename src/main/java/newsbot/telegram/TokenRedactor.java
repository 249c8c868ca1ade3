package newsbot.telegram;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Removes bot tokens from text meant for logs: {@code bot123:secret} in URLs, and the configured token anywhere. */
public final class TokenRedactor {

    public static final String REDACTED = "<redacted>";

    // "bot<id>:<secret>" as it appears in Bot API URLs; ':' may arrive percent-encoded.
    private static final Pattern URL_TOKEN = Pattern.compile("bot\\d+(?::|%3[Aa])[A-Za-z0-9_-]+");
    // A bare token outside a URL: a long numeric id, a colon and a secret of typical length.
    private static final Pattern BARE_TOKEN = Pattern.compile("\\b\\d{5,}:[A-Za-z0-9_-]{30,}");

    private final String token;

    /** @param tokenOrNull the configured token, redacted even if it does not look like one */
    public TokenRedactor(String tokenOrNull) {
        this.token = tokenOrNull == null || tokenOrNull.isBlank() ? null : tokenOrNull;
    }

    /** A redactor that only knows the token patterns. */
    public static TokenRedactor patternsOnly() {
        return new TokenRedactor(null);
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        if (token != null && out.contains(token)) {
            out = out.replace("bot" + token, "bot" + REDACTED).replace(token, REDACTED);
        }
        if (out.indexOf(':') >= 0 || out.contains("%3")) {
            out = URL_TOKEN.matcher(out).replaceAll(Matcher.quoteReplacement("bot" + REDACTED));
            out = BARE_TOKEN.matcher(out).replaceAll(Matcher.quoteReplacement(REDACTED));
        }
        return out;
    }
}
