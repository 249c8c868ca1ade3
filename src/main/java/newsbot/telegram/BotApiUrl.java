package newsbot.telegram;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.telegram.telegrambots.meta.TelegramUrl;

/** Parses the configured {@code telegram.api-url} into the {@link TelegramUrl} both telegrambots clients need. */
public final class BotApiUrl {

    static final String KEY = "telegram.api-url";

    private BotApiUrl() {
    }

    /**
     * Accepts {@code https://api.telegram.org} or {@code http://127.0.0.1:8081} (a trailing slash is fine); the
     * port defaults to 443 or 80.
     *
     * @throws IllegalArgumentException with a one-line message naming the key
     */
    public static TelegramUrl parse(String apiUrl) {
        if (apiUrl == null || apiUrl.isBlank()) {
            throw invalid("must not be empty");
        }
        URI uri;
        try {
            uri = new URI(apiUrl.trim());
        } catch (URISyntaxException e) {
            throw invalid("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid("scheme must be http or https, got '" + apiUrl + "'");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw invalid("no host in '" + apiUrl + "'");
        }
        // The client builds scheme://host:port/bot<token>/<method> itself: a base path would be silently dropped.
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            throw invalid("a base path is not supported, got '" + path + "'");
        }
        // Never echo user info back: it could be a credential.
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid("user info, query and fragment are not allowed");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new TelegramUrl(scheme, host, port, false);
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException(KEY + ": " + why);
    }
}
