package newsbot.app;

import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.util.Optional;
import newsbot.config.BotConfig;
import newsbot.telegram.ProxyRoute;

/** {@code telegram.proxy} as the route the Bot API client takes. */
final class ProxyRoutes {

    private ProxyRoutes() {
    }

    static ProxyRoute of(Optional<BotConfig.Proxy> configured) {
        if (configured.isEmpty()) {
            return ProxyRoute.DIRECT;
        }
        BotConfig.Proxy p = configured.get();
        Proxy.Type type = p.scheme().equals("socks5") ? Proxy.Type.SOCKS : Proxy.Type.HTTP;
        // unresolved: the proxy's name is looked up when connecting, so a proxy down at start-up is retried
        Proxy proxy = new Proxy(type, InetSocketAddress.createUnresolved(p.host(), p.port()));
        Optional<PasswordAuthentication> credentials = p.hasCredentials()
                ? Optional.of(new PasswordAuthentication(p.user(), p.password().toCharArray()))
                : Optional.empty();
        return new ProxyRoute(proxy, credentials);
    }
}
