package newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.Optional;
import newsbot.config.BotConfig;
import newsbot.telegram.ProxyRoute;
import org.junit.jupiter.api.Test;

/** The configured proxy becomes the client's route: SOCKS without, HTTP with credentials, else direct. */
class ProxyRoutesTest {

    @Test
    void configuredProxiesBecomeRoutes() {
        assertThat(ProxyRoutes.of(Optional.empty())).isEqualTo(ProxyRoute.DIRECT);

        ProxyRoute socks = ProxyRoutes.of(Optional.of(new BotConfig.Proxy("socks5", "10.0.0.7", 1080, "", "")));
        assertThat(socks.proxy().type()).isEqualTo(Proxy.Type.SOCKS);
        InetSocketAddress address = (InetSocketAddress) socks.proxy().address();
        assertThat(address.getHostString()).isEqualTo("10.0.0.7");
        assertThat(address.getPort()).isEqualTo(1080);
        assertThat(socks.credentials()).isEmpty();

        ProxyRoute http = ProxyRoutes.of(Optional.of(new BotConfig.Proxy("http", "proxy.lan", 3128, "relay", "pw")));
        assertThat(http.proxy().type()).isEqualTo(Proxy.Type.HTTP);
        assertThat(http.credentials().orElseThrow().getUserName()).isEqualTo("relay");
        assertThat(new String(http.credentials().orElseThrow().getPassword())).isEqualTo("pw");
        assertThat(http.toString()).doesNotContain("pw").doesNotContain("relay");
    }
}
