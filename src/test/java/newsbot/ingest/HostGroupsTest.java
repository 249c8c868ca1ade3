package newsbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class HostGroupsTest {

    @Test
    void groupsByHostAndPortIgnoringCaseAndKeepingOrder() {
        List<String> urls = List.of("https://News.Example.kg/a.xml", "http://other.kg/x", "https://news.example.kg:443/b",
                "http://news.example.kg/c", "http://127.0.0.1:8080/1", "http://127.0.0.1:8081/2", "not a url");

        assertThat(HostGroups.of(urls, Function.identity())).containsExactly(
                List.of("https://News.Example.kg/a.xml", "https://news.example.kg:443/b"),
                List.of("http://other.kg/x"),
                List.of("http://news.example.kg/c"),
                List.of("http://127.0.0.1:8080/1"),
                List.of("http://127.0.0.1:8081/2"),
                List.of("not a url"));
    }
}
