package newsbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MorphologyTest {

    private final Morphology morphology = new Morphology();

    /** Every form of a family finds every other: indexed as one, queried as another. */
    private void family(String... forms) {
        for (String indexed : forms) {
            Set<String> tokens = new HashSet<>(morphology.indexTokens(indexed));
            for (String query : forms) {
                assertThat(Morphology.allFound(morphology.queryTerms(query), tokens))
                        .as("«%s» finds «%s»", query, indexed).isTrue();
            }
        }
    }

    @Test
    void nounsInEveryCaseAndNumber() {
        family("выборы", "выборов", "выборам", "выборами", "выборах");
        family("доллар", "доллара", "доллару", "долларом", "долларе", "доллары", "долларов", "долларам");
        family("закон", "закона", "закону", "законом", "законе", "законы", "законов");
        family("цена", "цены", "цене", "цену", "ценой", "цен", "ценам", "ценах");
        family("экономика", "экономики", "экономике", "экономику", "экономикой");
    }

    @Test
    void placeNames() {
        family("Бишкек", "Бишкека", "Бишкеку", "Бишкеком", "Бишкеке");
        family("Ош", "Оша", "Ошу", "Ошем", "Оше");
        family("Москва", "Москвы", "Москве", "Москву", "Москвой");
        family("Кыргызстан", "Кыргызстана", "Кыргызстану", "Кыргызстаном", "Кыргызстане");
        family("Казахстан", "Казахстана", "Казахстане");
        family("Баткен", "Баткена", "Баткене");
        family("Нарын", "Нарына", "Нарыне");
    }

    @Test
    void verbsAdjectivesAndSurnames() {
        family("сообщил", "сообщила", "сообщили");
        family("выиграл", "выиграла", "выиграли", "выиграть");
        family("заявил", "заявила", "заявили");
        family("новый", "новая", "новое", "новые", "нового", "новой", "новому", "новым", "новых");
        family("экономический", "экономическая", "экономического", "экономических");
        family("Жапаров", "Жапарова");
    }

    @Test
    void englishWordsGoThroughTheEnglishStemmer() {
        family("election", "elections");
        family("rate", "rates");
        family("run", "running", "runs");
        family("bank", "banks", "banking");
        assertThat(morphology.queryTerms("Elections")).containsExactly(List.of("elect", "elections"));
    }

    @Test
    void distinctWordsStayApart() {
        Set<String> osh = new HashSet<>(morphology.indexTokens("Ош"));
        assertThat(Morphology.allFound(morphology.queryTerms("ошибка"), osh)).isFalse();
        Set<String> text = new HashSet<>(morphology.indexTokens("Курс евро вырос"));
        assertThat(Morphology.allFound(morphology.queryTerms("курс доллара"), text)).isFalse();
        assertThat(Morphology.allFound(morphology.queryTerms("курса евро"), text)).isTrue();
        assertThat(Morphology.allFound(List.of(), text)).isFalse();
    }

    @Test
    void yoIsWrittenAsYe() {
        family("ёлка", "елки", "ёлке");
    }
}
