package newsbot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Validation of the operators' keys: {@code http.bind} and {@code telegram.proxy}. */
final class OperatorKeys {

    private static final String PROXY_FORM = "expected socks5://host:port or http://[user:password@]host:port";
    // A literal IPv4 or IPv6 address, or a host name: binding never resolves anything remote.
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern HOST = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private OperatorKeys() {
    }

    /** An address to listen on: an IPv4 or IPv6 literal, or a host name such as {@code localhost}. */
    static String bindAddress(String text) {
        boolean valid;
        if (text.matches("[0-9.]+")) {
            var ipv4 = IPV4.matcher(text);
            valid = ipv4.matches();
            for (int i = 1; valid && i <= 4; i++) {
                valid = Integer.parseInt(ipv4.group(i)) <= 255;
            }
        } else if (text.contains(":")) {
            valid = text.matches("[0-9A-Fa-f:.]+") && text.indexOf(":::") < 0;
        } else {
            valid = HOST.matcher(text).matches();
        }
        if (!valid) {
            throw new ConfigException("http.bind", "'" + text + "' is not an IP address or host name such as 127.0.0.1");
        }
        return text;
    }

    private static final java.util.regex.Pattern INSTANCE = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /**
     * {@code db.url} and its companions: empty for SQLite. Never echoes the URL's parameters or the password.
     * An empty {@code instance.name} is the host name.
     */
    static Optional<BotConfig.Postgres> postgres(String url, String user, String password, String instance) {
        if (url.isEmpty()) {
            return Optional.empty();
        }
        if (!url.startsWith("jdbc:postgresql://") || url.length() == "jdbc:postgresql://".length()) {
            throw new ConfigException("db.url", "must look like jdbc:postgresql://host:5432/newsbot (or be empty "
                    + "for SQLite at db.path)");
        }
        if (user.isEmpty()) {
            throw new ConfigException("db.user", "is required with db.url");
        }
        String name = instance.isEmpty() ? hostName() : instance;
        if (!INSTANCE.matcher(name).matches()) {
            throw new ConfigException("instance.name", "'" + name + "' must be 1-64 letters, digits, '.', '_' or '-'");
        }
        return Optional.of(new BotConfig.Postgres(url, user, password, name));
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "newsbot";
            }
        }
        String cleaned = host.replaceAll("[^A-Za-z0-9._-]", "-");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }

    /** Never echoes the value: it may hold the proxy password. */
    static Optional<BotConfig.Proxy> proxy(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new ConfigException("telegram.proxy", "not a URL; " + PROXY_FORM);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("socks5")) {
            throw new ConfigException("telegram.proxy", "scheme must be http or socks5; " + PROXY_FORM);
        }
        if (uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65535) {
            throw new ConfigException("telegram.proxy", "needs a host and a port 1..65535; " + PROXY_FORM);
        }
        if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ConfigException("telegram.proxy", "must not have a path, query or fragment; " + PROXY_FORM);
        }
        String user = "";
        String password = "";
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            if (colon <= 0 || colon == info.length() - 1) {
                throw new ConfigException("telegram.proxy", "credentials must be user:password; " + PROXY_FORM);
            }
            if (scheme.equals("socks5")) {
                // The JDK reads SOCKS credentials only from the process-wide Authenticator; we keep none.
                throw new ConfigException("telegram.proxy", "socks5 with credentials is not supported; use an "
                        + "http proxy with credentials or a SOCKS proxy without");
            }
            user = percentDecoded(info.substring(0, colon));
            password = percentDecoded(info.substring(colon + 1));
        }
        return Optional.of(new BotConfig.Proxy(scheme, uri.getHost(), uri.getPort(), user, password));
    }

    /** A URL's user info is percent-encoded, not a form: a {@code +} stays a plus, so keep the decoder off it. */
    private static String percentDecoded(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
