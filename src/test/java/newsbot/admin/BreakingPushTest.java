package newsbot.admin;

import newsbot.testing.RecordingReplier;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import newsbot.store.PushArticle;
import newsbot.store.SubscriberStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /breaking <article>}: once per reader of its categories who wants breaking news. */
class BreakingPushTest {

    @TempDir
    Path dir;

    @Test
    void pushesOnceToTheReadersOfItsCategories() {
        AdminWorld world = new AdminWorld(dir);
        Admin admin = world.admin(new RecordingReplier(), 1000);
        world.reader(1, SubscriberStatus.ACTIVE, "ru", "economy");
        world.reader(2, SubscriberStatus.ACTIVE, "en", "world");
        world.reader(3, SubscriberStatus.ACTIVE, "ru", "sport");
        world.reader(4, SubscriberStatus.PAUSED, "ru", "economy");
        world.reader(5, SubscriberStatus.ACTIVE, "ru", "economy");
        world.db.useTransaction(h -> world.subscribers.setBreakingOn(h, 5, false, world.time.instant()));
        long id = world.article("main", "Rates up", "https://example.org/rates", "economy", world.time.instant(),
                "world");

        PushArticle article = admin.breaking().find(Long.toString(id)).orElseThrow();
        assertThat(admin.breaking().find("https://example.org/rates/")).contains(article);
        assertThat(admin.breaking().find("https://example.org/other")).isEmpty();
        BreakingPush.Result first = admin.breaking().push(AdminWorld.ADMIN, article,
                r -> new BreakingPush.Alert("⚡ " + r.language(), r.chatId() == 2));
        assertThat(first).isEqualTo(new BreakingPush.Result(2, false));
        Map<Long, String> rows = world.db.withHandle(h -> h.createQuery("SELECT chat_id, text || ':' || silent "
                        + "FROM deliveries WHERE kind = 'BREAKING' AND ref_id = :id")
                .bind("id", id)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(rows).containsExactlyInAnyOrderEntriesOf(Map.of(1L, "⚡ ru:0", 2L, "⚡ en:1"));
        // each alert offers "Read in Telegram" in its reader's language
        Map<Long, String> keyboards = world.db.withHandle(h -> h.createQuery("SELECT chat_id, reply_markup "
                        + "FROM deliveries WHERE kind = 'BREAKING' AND ref_id = :id")
                .bind("id", id)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(keyboards.get(1L)).contains("Читать в Telegram", "\"rd:" + id + "\"");
        assertThat(keyboards.get(2L)).contains("Read in Telegram", "\"rd:" + id + "\"");
        boolean marked = world.db.withHandle(h -> h.createQuery("SELECT breaking FROM articles WHERE id = :id")
                .bind("id", id).mapTo(Integer.class).one() == 1);
        assertThat(marked).isTrue();

        PushArticle again = admin.breaking().find(Long.toString(id)).orElseThrow();
        assertThat(admin.breaking().push(AdminWorld.ADMIN, again, r -> new BreakingPush.Alert("x", false)))
                .isEqualTo(new BreakingPush.Result(0, true));
    }

    @Test
    void anArticleThatWentOutTwentyDaysAgoIsNotPushedAgainOnceItsDeliveriesAreForgotten() {
        AdminWorld world = new AdminWorld(dir);
        Admin admin = world.admin(new RecordingReplier(), 1000);
        world.reader(1, SubscriberStatus.ACTIVE, "ru", "economy");
        long id = world.article("main", "Rates up", "https://example.org/rates", "economy", world.time.instant());
        PushArticle article = admin.breaking().find(Long.toString(id)).orElseThrow();
        assertThat(admin.breaking().push(AdminWorld.ADMIN, article, r -> new BreakingPush.Alert("⚡", false)))
                .isEqualTo(new BreakingPush.Result(1, false));
        world.db.useTransaction(h -> h.execute("UPDATE deliveries SET state = 'SENT', sent_at = created_at"));

        world.time.advance(java.time.Duration.ofDays(20));
        int forgotten = new newsbot.delivery.DeliveryRetention(world.db, world.outbox, world.time).prune();
        assertThat(forgotten).isEqualTo(1);

        PushArticle again = admin.breaking().find(Long.toString(id)).orElseThrow();
        assertThat(admin.breaking().push(AdminWorld.ADMIN, again, r -> new BreakingPush.Alert("⚡ again", false)))
                .isEqualTo(new BreakingPush.Result(0, true));
        int rows = world.db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM deliveries").mapTo(Integer.class)
                .one());
        assertThat(rows).isZero();
    }
}
