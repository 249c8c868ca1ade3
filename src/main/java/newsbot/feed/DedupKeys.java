package newsbot.feed;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/** The key that makes an article stored once however many feeds carry it. */
public final class DedupKeys {

    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "yclid", "_openstat", "from", "ref");

    private DedupKeys() {
    }

    /**
     * {@code g:} + the guid if there is one, else {@code u:} + the canonical link of the item's own link, else
     * {@code h:} + SHA-256 hex of title, a newline and the publication epoch second. A guid that is just the
     * item's link counts as a link: Rome copies the link into the guid when an item has none, and tracking
     * parameters must not split one article into two.
     */
    public static String of(CleanItem item) {
        boolean ownLink = item.url() != null && !item.urlIsFeedLink();
        String guid = item.guid() == null ? "" : item.guid().strip();
        if (ownLink && (guid.isEmpty() || canonicalLink(guid).equals(canonicalLink(item.url())))) {
            return "u:" + canonicalLink(item.url());
        }
        if (!guid.isEmpty()) {
            return "g:" + guid;
        }
        return "h:" + sha256(item.title() + "\n" + item.publishedAt().getEpochSecond());
    }

    /**
     * The link with scheme and host lower-cased, the default port, the fragment and tracking parameters
     * ({@code utm_*}, fbclid, gclid, yclid, _openstat, from, ref) removed, other parameters kept in order.
     * Anything that is not an absolute http(s) URL comes back stripped but otherwise unchanged.
     */
    public static String canonicalLink(String link) {
        Optional<URI> parsed = WebUrls.parseAbsolute(link);
        if (parsed.isEmpty()) {
            return link == null ? "" : link.strip();
        }
        URI uri = parsed.get();
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(scheme).append("://");
        if (uri.getHost() == null) {
            // Registry-based authority (IDN, underscores): no port to separate, lower-case it whole.
            out.append(uri.getRawAuthority().toLowerCase(Locale.ROOT));
        } else {
            if (uri.getRawUserInfo() != null) {
                out.append(uri.getRawUserInfo()).append('@');
            }
            out.append(uri.getHost().toLowerCase(Locale.ROOT));
            int port = uri.getPort();
            boolean defaultPort = port == -1 || port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https");
            if (!defaultPort) {
                out.append(':').append(port);
            }
        }
        String path = uri.getRawPath();
        out.append(path == null || path.isEmpty() ? "/" : path);
        String query = keptParameters(uri.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    private static String keptParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&");
        for (String parameter : rawQuery.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !TRACKING.contains(name)) {
                kept.add(parameter);
            }
        }
        return kept.toString();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
