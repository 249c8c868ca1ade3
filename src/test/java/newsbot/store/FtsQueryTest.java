package newsbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FtsQueryTest {

    @Test
    void everyWordBecomesAGroupOfItsStemmedFormsAndTheWordAsTyped() {
        assertThat(FtsQuery.of("выборах")).contains("(\"выбор\" OR \"выборах\"*)");
        assertThat(FtsQuery.of("  Курс   доллара, ")).contains("\"курс\"* AND (\"доллар\" OR \"доллара\"*)");
        assertThat(FtsQuery.of("central banks")).contains("\"central\"* AND (\"bank\" OR \"banks\"*)");
        // short words match whole only: «Ош» must not find «ошибка»
        assertThat(FtsQuery.of("Ош")).contains("\"ош\"");
        assertThat(FtsQuery.of("COVID-19")).contains("\"covid\"* AND \"19\"");
    }

    @Test
    void operatorsAndSyntaxNeverReachFts5() {
        assertThat(FtsQuery.of("rate OR bank NOT x NEAR y")).contains("\"rate\"* AND \"bank\"* AND \"x\" AND \"near\"* AND \"y\"");
        assertThat(FtsQuery.of("AND")).contains("\"and\"");
        assertThat(FtsQuery.of("NEAR(закон парламент, 5)").orElseThrow()).doesNotContain("NEAR", ",");
        assertThat(FtsQuery.of("title:\"закон\"* -суд ^x {a b}").orElseThrow())
                .contains("\"title\"", "\"закон\"", "\"суд\"").doesNotContain(":", "^", "{", "-");
        assertThat(FtsQuery.of("'; DROP TABLE articles; --").orElseThrow()).doesNotContain(";", "'", "--");
    }

    @Test
    void stopWordsAreDroppedUnlessNothingElseIsLeft() {
        assertThat(FtsQuery.of("курс в Бишкеке")).contains("\"курс\"* AND (\"бишкек\" OR \"бишкеке\"*)");
        assertThat(FtsQuery.of("в и на")).contains("\"в\" AND \"и\" AND \"на\"");
    }

    @Test
    void textWithoutWordsIsNoQuery() {
        for (String text : new String[] {null, "", "   ", "***", "\"\"", "-()", "😀😀", "\u0000\u0001", "«»—…"}) {
            assertThat(FtsQuery.of(text)).as(String.valueOf(text)).isEmpty();
        }
    }

    @Test
    void termsAreDistinctBoundedAndShort() {
        assertThat(FtsQuery.of("доллар доллара доллару")).contains("\"доллар\"*");
        String many = "a1 a2 a3 a4 a5 a6 a7 a8 a9 a10";
        assertThat(new Morphology().queryTerms(many)).hasSize(Morphology.MAX_QUERY_WORDS);
        assertThat(Morphology.words("x".repeat(500)).get(0)).hasSize(Morphology.MAX_WORD_CHARS);
    }
}
