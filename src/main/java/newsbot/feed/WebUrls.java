package newsbot.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Parsing and resolving of the only URLs the bot accepts: absolute http and https with a host. */
final class WebUrls {

    private WebUrls() {
    }

    /** The URL as an absolute http(s) URI with a lower-case scheme, or empty. */
    static Optional<URI> parseAbsolute(String url) {
        return parse(url).filter(WebUrls::isWeb).map(WebUrls::lowerScheme);
    }

    /**
     * Resolves {@code link} against {@code base} (either may be relative or junk) and keeps it only if the
     * result is an absolute http(s) URL; {@code javascript:}, {@code data:}, {@code mailto:} and the like fail.
     */
    static Optional<URI> resolve(String link, String base) {
        Optional<URI> parsed = parse(link);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        URI uri = parsed.get();
        if (uri.isAbsolute()) {
            return isWeb(uri) ? Optional.of(lowerScheme(uri)) : Optional.empty();
        }
        return parseAbsolute(base).flatMap(b -> resolve(b, uri));
    }

    /** Resolves a possibly relative reference (a redirect's Location) against an absolute http(s) URI. */
    static Optional<URI> resolve(URI base, String reference) {
        return parse(reference).flatMap(ref -> resolve(base, ref)).filter(WebUrls::isWeb).map(WebUrls::lowerScheme);
    }

    private static Optional<URI> resolve(URI base, URI reference) {
        try {
            URI b = base;
            if (b.getRawPath() == null || b.getRawPath().isEmpty()) {
                // URI.resolve glues a relative path straight onto the host when the base path is empty.
                b = new URI(b.getScheme(), b.getRawAuthority(), "/", null, null);
            }
            return Optional.of(b.resolve(reference));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<URI> parse(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        // Feeds are hand-written: a stray space in a path is common and harmless once encoded.
        String cleaned = url.strip().replace(" ", "%20");
        try {
            return Optional.of(new URI(cleaned));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean isWeb(URI uri) {
        String scheme = uri.getScheme();
        return scheme != null
                && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                // getHost() is null for IDN and underscore hosts, which are still real links: check the authority.
                && uri.getRawAuthority() != null && !uri.getRawAuthority().isBlank();
    }

    // Telegram links and Html.link only accept lower-case "http://" and "https://".
    private static URI lowerScheme(URI uri) {
        String scheme = uri.getScheme();
        String lower = scheme.toLowerCase(Locale.ROOT);
        if (scheme.equals(lower)) {
            return uri;
        }
        return URI.create(lower + uri.toString().substring(scheme.length()));
    }
}
