package newsbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** http.port, http.bind and telegram.proxy through the real loader. */
class OperatorKeysTest {

    static BotConfig load(String... pairs) {
        Map<String, String> m = ConfigLoaderTest.minimal();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return new ConfigLoader(Map.of()).fromMap(m);
    }

    @Test
    void theEndpointListensOnLoopback8080UnlessTurnedOff() {
        assertThat(load().http()).hasValue(new BotConfig.Http(8080, "127.0.0.1"));
        assertThat(load("http.port", "9100", "http.bind", "0.0.0.0").http()).hasValue(new BotConfig.Http(9100, "0.0.0.0"));
        assertThat(load("http.bind", "::1").http().orElseThrow().bind()).isEqualTo("::1");
        assertThat(load("http.port", "0").http()).isEmpty();
        assertThat(new ConfigLoader(Map.of("NEWSBOT_HTTP_PORT", "0")).fromMap(ConfigLoaderTest.minimal()).http()).isEmpty();
    }

    @Test
    void proxiesParseAndHideTheirPassword() {
        assertThat(load().telegram().proxy()).isEmpty();
        BotConfig.Proxy socks = load("telegram.proxy", "socks5://10.0.0.7:1080").telegram().proxy().orElseThrow();
        assertThat(socks).isEqualTo(new BotConfig.Proxy("socks5", "10.0.0.7", 1080, "", ""));
        BotConfig config = load("telegram.proxy", "http://relay:p%40ss:w0rd@proxy.example.kg:3128");
        BotConfig.Proxy http = config.telegram().proxy().orElseThrow();
        assertThat(http).isEqualTo(new BotConfig.Proxy("http", "proxy.example.kg", 3128, "relay", "p@ss:w0rd"));
        assertThat(http.toString()).isEqualTo("http://<redacted>@proxy.example.kg:3128");
        assertThat(config.telegram().toString()).doesNotContain("p@ss").doesNotContain("relay");
    }

    @Test
    void aPlusInTheProxyCredentialsIsAPlusAsInAnyUrl() {
        BotConfig.Proxy http = load("telegram.proxy", "http://re+lay:a+b%2Bc%20d@proxy.example.kg:3128")
                .telegram().proxy().orElseThrow();
        assertThat(http.user()).isEqualTo("re+lay");
        assertThat(http.password()).isEqualTo("a+b+c d");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http.port|65536            |http.port",
            "http.port|-1               |http.port",
            "http.port|eighty           |http.port",
            "http.bind|256.0.0.1        |http.bind",
            "http.bind|local host       |http.bind",
            "http.bind|1.2.3            |http.bind",
            "telegram.proxy|ftp://h:21          |telegram.proxy",
            "telegram.proxy|http://proxy        |telegram.proxy",
            "telegram.proxy|http://h:99999      |telegram.proxy",
            "telegram.proxy|http://h:3128/path  |telegram.proxy",
            "telegram.proxy|http://onlyuser@h:3128 |telegram.proxy",
            "telegram.proxy|not a url           |telegram.proxy",
    })
    void badValuesNameTheKeyInOneLine(String key, String value, String namedKey) {
        assertThatThrownBy(() -> load(key, value))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(namedKey + ": ")
                .message().doesNotContain("\n");
    }

    @Test
    void aBadProxyUrlIsNeverEchoedAndSocksCredentialsAreRefused() {
        assertThatThrownBy(() -> load("telegram.proxy", "ftp://relay:hunter2@h:21"))
                .hasMessageStartingWith("telegram.proxy: ").message().doesNotContain("hunter2");
        assertThatThrownBy(() -> load("telegram.proxy", "socks5://relay:hunter2@h:1080"))
                .hasMessageContaining("socks5 with credentials is not supported").message().doesNotContain("hunter2");
        assertThat(load("telegram.proxy", "").telegram().proxy()).isEqualTo(Optional.empty());
    }
}
