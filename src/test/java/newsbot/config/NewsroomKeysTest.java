package newsbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** push.token, http.public-url, feed.<id>.hub and editorial.audit-retention. */
class NewsroomKeysTest {

    private static Map<String, String> base() {
        return ConfigLoaderTest.minimal();
    }

    @Test
    void theDefaultsAreNoPushNoWebSubAndAYearAndMoreOfAudit() {
        BotConfig.Newsroom n = new ConfigLoader(Map.of()).fromMap(base()).newsroom();
        assertThat(n.push()).isEmpty();
        assertThat(n.publicBase()).isEmpty();
        assertThat(n.hubs()).isEmpty();
        assertThat(n.auditRetention()).isGreaterThanOrEqualTo(Duration.ofDays(366));
    }

    @Test
    void editorsAndTheApprovalThreshold() {
        BotConfig off = new ConfigLoader(Map.of()).fromMap(base());
        assertThat(off.newsroom().approval()).isEqualTo(BotConfig.Approval.OFF);
        Map<String, String> m = base();
        m.put("telegram.admins", "1");
        m.put("telegram.editors", "7, 8");
        m.put("editorial.approval-above", "100");
        BotConfig c = new ConfigLoader(Map.of()).fromMap(m);
        assertThat(c.isEditor(7)).isTrue();
        assertThat(c.isEditor(1)).as("an admin is also an editor").isTrue();
        assertThat(c.isAdmin(7)).isFalse();
        assertThat(c.needsApproval(7, 101)).isTrue();
        assertThat(c.needsApproval(7, 100)).isFalse();
        assertThat(c.needsApproval(1, 1_000)).as("an admin never waits").isFalse();
        m.put("telegram.editors", "x");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).fromMap(m)).hasMessageStartingWith("telegram.editors:");
    }

    @Test
    void thePushTokenComesFromTheEnvironmentAndIsNeverShown() {
        String secret = "s3cret-push-token-XYZ";
        BotConfig config = new ConfigLoader(Map.of("NEWSBOT_PUSH_TOKEN", secret)).fromMap(base());
        assertThat(config.newsroom().push()).hasValue(secret);
        assertThat(config.toString()).doesNotContain(secret);

        Map<String, String> weak = base();
        weak.put("push.token", "short1");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).fromMap(weak))
                .hasMessageStartingWith("push.token:").hasMessageNotContaining("short1");
    }

    @Test
    void hubsArePerFeedAndThePublicUrlLosesItsTrailingSlash() {
        Map<String, String> m = base();
        m.put("feed.main.hub", "https://hub.example.org/");
        m.put("http.public-url", "https://bot.example.org/");
        BotConfig.Newsroom n = new ConfigLoader(Map.of()).fromMap(m).newsroom();
        assertThat(n.hubs()).containsEntry("main", URI.create("https://hub.example.org/"));
        assertThat(n.publicBase()).hasValue(URI.create("https://bot.example.org"));

        m.put("feed.main.hub", "ftp://hub.example.org/");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).fromMap(m)).hasMessageStartingWith("feed.main.hub:");
    }

    @Test
    void theAuditTrailIsKeptAtLeastAYear() {
        Map<String, String> m = base();
        m.put("editorial.audit-retention", "P30D");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).fromMap(m))
                .hasMessageStartingWith("editorial.audit-retention:");
    }
}
