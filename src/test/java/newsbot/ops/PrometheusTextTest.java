package newsbot.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The test parser is strict: a lenient one would let a broken exposition pass the metrics tests. */
class PrometheusTextTest {

    @Test
    void readsCountersGaugesAndSummariesWithEscapedLabels() {
        PrometheusText m = PrometheusText.parse("""
                # HELP a_total things
                # TYPE a_total counter
                a_total{kind="R\\"E\\\\P\\nLY"} 3.0
                # TYPE g gauge
                g 1.5e3
                # TYPE t_seconds summary
                t_seconds_count 2.0
                t_seconds_sum 0.25
                """);
        assertThat(m.value("a_total", "kind", "R\"E\\P\nLY")).hasValue(3.0);
        assertThat(m.require("g")).isEqualTo(1500.0);
        assertThat(m.require("t_seconds_count")).isEqualTo(2.0);
        assertThat(m.type("t_seconds")).hasValue("summary");
    }

    @Test
    void rejectsWhatPrometheusWouldReject() {
        assertThatThrownBy(() -> PrometheusText.parse("1bad 1\n")).hasMessageContaining("bad metric name");
        assertThatThrownBy(() -> PrometheusText.parse("a{k=v} 1\n")).hasMessageContaining("not quoted");
        assertThatThrownBy(() -> PrometheusText.parse("a 1,5\n")).hasMessageContaining("bad value");
        assertThatThrownBy(() -> PrometheusText.parse("a 1\na 2\n")).hasMessageContaining("repeated");
        assertThatThrownBy(() -> PrometheusText.parse("a 1\nb 1\na{x=\"1\"} 2\n")).hasMessageContaining("contiguous");
        assertThatThrownBy(() -> PrometheusText.parse("a 1\n# TYPE a gauge\n")).hasMessageContaining("after its samples");
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE a gauge\na_total 1\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE c counter\nc_sum 1\n")).hasMessageContaining("does not belong");
        assertThatThrownBy(() -> PrometheusText.parse("a{k=\"\\t\"} 1\n")).hasMessageContaining("bad escape");
        assertThatThrownBy(() -> PrometheusText.parse("a 1")).hasMessageContaining("newline");
    }
}
