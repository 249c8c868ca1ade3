package newsbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import newsbot.html.RichDocument;
import org.junit.jupiter.api.Test;

/** A rich row's text column gives back exactly the request it was written from, every block and run kind. */
class RichRowTextTest {

    @Test
    void everyBlockAndRunComesBackAsWritten() {
        RichDocument document = new RichDocument(List.of(
                new RichDocument.Heading(1, List.of(new RichDocument.Plain("Заголовок \"в кавычках\""))),
                new RichDocument.Paragraph(List.of(new RichDocument.Plain("Текст "),
                        new RichDocument.Bold("жирный"), new RichDocument.Link("ссылка", "https://example.kg/a?b=1&c"))),
                new RichDocument.Photo("https://example.kg/p.jpg", "Подпись"),
                new RichDocument.Photo("https://example.kg/q.jpg", ""),
                new RichDocument.Quote(List.of(new RichDocument.Plain("Цитата"))),
                new RichDocument.Items(RichDocument.Marks.NUMBERS, List.of(
                        List.of(new RichDocument.Plain("один")), List.of(new RichDocument.Plain("два")))),
                new RichDocument.Items(RichDocument.Marks.BULLETS, List.of(List.of(new RichDocument.Plain("•")))),
                new RichDocument.Footer(List.of(new RichDocument.Plain("Источник: "),
                        new RichDocument.Link("Оригинал", "https://example.kg/a")))));
        Request.SendRich rich = new Request.SendRich(document, "<b>Заголовок</b>\n\n<a href=\"https://example.kg/a\">x</a>");
        RichRowText codec = new RichRowText();

        assertThat(codec.decode(codec.encode(rich))).isEqualTo(rich);
        assertThat(rich.fallback()).isEqualTo(new Request.SendText(rich.html()));
    }
}
