package newsbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FtsQueryTest {

    @Test
    void wordsBecomeQuotedPrefixTerms() {
        assertThat(FtsQuery.of("эконом")).contains("\"эконом\"*");
        assertThat(FtsQuery.of("  Курс   доллара, ")).contains("\"Курс\"* \"доллара\"*");
        assertThat(FtsQuery.of("central bank")).contains("\"central\"* \"bank\"*");
        assertThat(FtsQuery.of("COVID-19")).contains("\"COVID\"* \"19\"*");
        assertThat(FtsQuery.of("я")).contains("\"я\"");
        assertThat(FtsQuery.of("ёлка йогурт")).contains("\"ёлка\"* \"йогурт\"*");
    }

    @Test
    void operatorsAndSyntaxNeverReachFts5() {
        assertThat(FtsQuery.of("a AND b")).contains("\"a\" \"b\"");
        assertThat(FtsQuery.of("rate OR bank NOT x NEAR y")).contains("\"rate\"* \"bank\"* \"x\" \"y\"");
        assertThat(FtsQuery.of("AND")).contains("\"AND\"*");
        assertThat(FtsQuery.of("NEAR(закон парламент, 5)")).contains("\"закон\"* \"парламент\"* \"5\"");
        assertThat(FtsQuery.of("title:\"закон\"* -суд ^x {a b}")).contains("\"title\"* \"закон\"* \"суд\"* \"x\" \"a\" \"b\"");
        assertThat(FtsQuery.of("'; DROP TABLE articles; --")).contains("\"DROP\"* \"TABLE\"* \"articles\"*");
    }

    @Test
    void textWithoutWordsIsNoQuery() {
        for (String text : new String[] {null, "", "   ", "***", "\"\"", "-()", "😀😀", "\u0000\u0001", "«»—…"}) {
            assertThat(FtsQuery.of(text)).as(String.valueOf(text)).isEmpty();
        }
    }

    @Test
    void termsAreDistinctBoundedAndShort() {
        assertThat(FtsQuery.of("да да да")).contains("\"да\"*");
        String many = String.join(" ", "a1 a2 a3 a4 a5 a6 a7 a8 a9 a10".split(" "));
        assertThat(FtsQuery.words(many)).hasSize(FtsQuery.MAX_TERMS);
        assertThat(FtsQuery.words("x".repeat(500)).get(0)).hasSize(FtsQuery.MAX_TERM_CHARS);
    }
}
