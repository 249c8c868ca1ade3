package newsbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import newsbot.delivery.Delivery;
import newsbot.html.Html;
import newsbot.telegram.TelegramHtmlValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    @TempDir
    Path dir;
    private Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture(dir.resolve("o.db"));
    }

    @Test
    void enqueueingTheSameMessageTwiceIsANoOp() {
        assertThat(f.db.<Boolean>inTransaction(h -> f.outbox.enqueue(h, 7, DeliveryKind.BREAKING, 99, "<b>x</b>", Manner.of(Manner.Sound.SILENT, Manner.Preview.HIDE), f.now()))).isTrue();
        assertThat(f.db.<Boolean>inTransaction(h -> f.outbox.enqueue(h, 7, DeliveryKind.BREAKING, 99, "<b>changed</b>", Manner.of(Manner.Sound.SILENT, Manner.Preview.HIDE), f.now()))).isFalse();
        // the same ref under another kind is another message
        assertThat(f.db.<Boolean>inTransaction(h -> f.outbox.enqueue(h, 7, DeliveryKind.DIGEST, 99, "d", Manner.PLAIN, f.now()))).isTrue();
        List<Delivery> rows = f.all();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).text()).isEqualTo("<b>x</b>");
        assertThat(rows.get(0).silent()).isTrue();
        assertThat(rows.get(0).priority().level()).isEqualTo(1);
        assertThat(rows.get(1).priority().level()).isEqualTo(2);
    }

    @Test
    void longTextIsStoredAsNumberedPartsEachValidOnItsOwn() {
        // tags and entities everywhere, so some cut falls next to one
        String paragraph = "<b>Строка</b> новостей &amp; <a href=\"https://x.test/a?b=1&amp;c=2\">ссылка</a> "
                + "<i>курсив &lt;3</i>\n";
        String html = "<blockquote>" + paragraph.repeat(150) + "</blockquote>\n\n" + paragraph.repeat(100);
        assertThat(html.length()).isGreaterThan(2 * Html.MAX_MESSAGE);
        assertThat(f.db.<Boolean>inTransaction(h -> f.outbox.enqueue(h, 7, DeliveryKind.DIGEST, 1, html, Manner.PLAIN, f.now()))).isTrue();
        List<Delivery> rows = f.all();
        int fewest = (html.length() + Html.MAX_MESSAGE - 1) / Html.MAX_MESSAGE;
        assertThat(rows.size()).isBetween(fewest, fewest + 2);
        assertThat(rows).extracting(Delivery::part).containsExactly(
                IntStream.range(0, rows.size()).boxed().toArray(Integer[]::new));
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.text().length()).isBetween(1, Html.MAX_MESSAGE);
            assertThat(TelegramHtmlValidator.checkMessage(r.text())).as(r.text()).isEmpty();
        });
        String shown = String.join("", rows.stream().map(r -> Html.toPlainText(r.text())).toList());
        assertThat(shown.replaceAll("\\s", "")).isEqualTo(Html.toPlainText(html).replaceAll("\\s", ""));
        // all parts are one message for idempotence
        assertThat(f.db.<Boolean>inTransaction(h -> f.outbox.enqueue(h, 7, DeliveryKind.DIGEST, 1, html, Manner.PLAIN, f.now()))).isFalse();
    }

    @Test
    void blankTextIsABugCaughtAtEnqueue() {
        assertThatThrownBy(() -> f.db.useTransaction(h -> f.outbox.enqueue(h, 7, DeliveryKind.DIGEST, 1, " \n", Manner.PLAIN, f.now()))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void batchEnqueueOfThousandsIsFastAndIdempotent() {
        List<Long> chats = LongStream.rangeClosed(1, 20_000).boxed().toList();
        long start = System.nanoTime();
        int added = f.db.inTransaction(h -> f.outbox.enqueueAll(h, chats, DeliveryKind.BROADCAST, 5, "hello", Manner.PLAIN, f.now()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(added).isEqualTo(20_000);
        assertThat(millis).as("20,000 rows in one batch").isLessThan(5_000);
        assertThat(f.db.<Integer>inTransaction(h -> f.outbox.enqueueAll(h, chats.subList(0, 100), DeliveryKind.BROADCAST, 5, "hello", Manner.PLAIN, f.now()))).isZero();
        assertThat(f.pending()).isEqualTo(20_000);
    }

    @Test
    void wakesTheDispatcherOnlyAfterCommit() {
        f.outbox.wakeup.consume();
        f.db.useTransaction(h -> {
            f.outbox.enqueue(h, 1, DeliveryKind.REPLY, 1, "a", Manner.PLAIN, f.now());
            assertThat(f.outbox.wakeup.consume()).as("not before commit").isFalse();
        });
        assertThat(f.outbox.wakeup.consume()).isTrue();

        assertThatThrownBy(() -> f.db.useTransaction(h -> {
            f.outbox.enqueue(h, 2, DeliveryKind.REPLY, 1, "b", Manner.PLAIN, f.now());
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(f.outbox.wakeup.consume()).as("not after rollback").isFalse();
        assertThat(f.pending()).isEqualTo(1);

        // a duplicate changes nothing and wakes nobody
        f.db.useTransaction(h -> f.outbox.enqueue(h, 1, DeliveryKind.REPLY, 1, "a", Manner.PLAIN, f.now()));
        assertThat(f.outbox.wakeup.consume()).isFalse();
    }
}
