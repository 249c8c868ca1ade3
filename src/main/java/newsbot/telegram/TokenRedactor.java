package newsbot.telegram;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Removes bot tokens from text meant for logs: {@code bot123:secret} in URLs, and the configured token anywhere. */
public final class TokenRedactor {

    public static final String REDACTED = "<redacted>";

    // "bot<id>:<secret>" as it appears in Bot API URLs; ':' may arrive percent-encoded.
    private static final Pattern URL_TOKEN = Pattern.compile("bot\\d+(?::|%3[Aa])[A-Za-z0-9_-]+");
    // A bare token outside a URL: a long numeric id, a colon and a secret of typical length.
    private static final Pattern BARE_TOKEN = Pattern.compile("\\b\\d{5,}:[A-Za-z0-9_-]{30,}");

    // Credentials in a URL ("http://user:pass@proxy:3128"): a proxy URL may end up in an exception message.
    private static final Pattern URL_USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^\\s/@:]+:[^\\s/@]+@");

    private final String token;
    private final List<String> secrets;

    /** @param tokenOrNull the configured token, redacted even if it does not look like one */
    public TokenRedactor(String tokenOrNull) {
        this(tokenOrNull, List.of());
    }

    /** @param secrets other configured secrets redacted wherever they appear (the proxy password) */
    public TokenRedactor(String tokenOrNull, List<String> secrets) {
        this.token = tokenOrNull == null || tokenOrNull.isBlank() ? null : tokenOrNull;
        this.secrets = secrets.stream().filter(s -> s != null && !s.isBlank()).toList();
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
        for (String secret : secrets) {
            out = out.replace(secret, REDACTED);
        }
        if (out.indexOf(':') >= 0 || out.contains("%3")) {
            out = URL_USERINFO.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(REDACTED) + "@");
            out = URL_TOKEN.matcher(out).replaceAll(Matcher.quoteReplacement("bot" + REDACTED));
            out = BARE_TOKEN.matcher(out).replaceAll(Matcher.quoteReplacement(REDACTED));
        }
        return out;
    }
}
