package newsbot.telegram;

import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.util.Objects;
import java.util.Optional;

/**
 * How the Bot API is reached: directly, or through a proxy, with basic credentials for an HTTP proxy. SOCKS
 * credentials are not offered: the JDK reads them only from the process-wide default {@code Authenticator}.
 */
public record ProxyRoute(Proxy proxy, Optional<PasswordAuthentication> credentials) {

    public static final ProxyRoute DIRECT = new ProxyRoute(Proxy.NO_PROXY, Optional.empty());

    public ProxyRoute {
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(credentials, "credentials");
        if (credentials.isPresent() && proxy.type() != Proxy.Type.HTTP) {
            throw new IllegalArgumentException("proxy credentials are supported for HTTP proxies only");
        }
    }

    @Override
    public String toString() {
        return "ProxyRoute[" + proxy + (credentials.isPresent() ? ", credentials=" + TokenRedactor.REDACTED : "") + "]";
    }
}
