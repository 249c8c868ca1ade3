package newsbot.chat;

import newsbot.testing.RecordingReplier;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import newsbot.admin.Admin;
import newsbot.admin.AdminHandlers;
import newsbot.admin.AdminWorld;
import newsbot.store.HandledUpdates;
import newsbot.store.Subscribers;
import newsbot.telegram.KeyboardJson;
import newsbot.ingest.BreakingAlerts;
import newsbot.ingest.StoredArticle;
import newsbot.store.SubscriberStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader cannot tell a feed's breaking alert from an editor's: one composer, one marker, one link preview. */
class SameBreakingAlertTest {

    @TempDir
    Path dir;

    private record Row(String text, boolean linkPreview) {
    }

    private static Row alertRow(AdminWorld world, long chatId) {
        return world.db.withHandle(h -> h.createQuery("SELECT text, link_preview FROM deliveries "
                        + "WHERE kind = 'BREAKING' AND chat_id = :c")
                .bind("c", chatId)
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getInt(2) == 1))
                .one());
    }

    @Test
    void theFeedsAlertAndTheEditorsAreTheSameMessage() {
        String title = "Курс доллара вырос до 89 сомов";
        String url = "https://example.org/economy/1";

        AdminWorld fromFeed = new AdminWorld(dir.resolve("feed"));
        fromFeed.reader(1, SubscriberStatus.ACTIVE, "ru", "economy");
        long viaFeed = fromFeed.article("main", title, url, "economy", fromFeed.time.instant());
        BreakingAlerts poller = new BreakingAlerts(fromFeed.config, fromFeed.outbox, fromFeed.time, fromFeed.texts);
        fromFeed.db.useTransaction(h -> poller.onBreaking(h, new StoredArticle(viaFeed, "main", title,
                "Summary of " + title, url, "economy", List.of("economy"), fromFeed.time.instant())));

        AdminWorld fromEditor = new AdminWorld(dir.resolve("editor"));
        fromEditor.reader(1, SubscriberStatus.ACTIVE, "ru", "economy");
        fromEditor.reader(AdminWorld.ADMIN, SubscriberStatus.ACTIVE, "ru");
        fromEditor.article("main", title, url, "economy", fromEditor.time.instant());
        Admin admin = fromEditor.admin(new RecordingReplier(), 1000);
        AdminHandlers handlers = new AdminHandlers(admin, fromEditor.config, fromEditor.texts,
                new RecordingReplier(), fromEditor.time);
        UpdateScope scope = new UpdateScope(1, fromEditor.db, fromEditor.outbox, new HandledUpdates(),
                new KeyboardJson());
        Incoming in = new Incoming(AdminWorld.ADMIN, AdminWorld.ADMIN, "private", "ru", 1, "breaking", url);
        scope.transaction(() -> handlers.breakingPush().handle(new Conversation(in,
                fromEditor.db.withHandle(h -> new Subscribers().find(h, AdminWorld.ADMIN)).orElseThrow(),
                fromEditor.texts, new RecordingReplier(), null, scope)));

        Row feed = alertRow(fromFeed, 1);
        Row editors = alertRow(fromEditor, 1);
        assertThat(editors).isEqualTo(feed);
        assertThat(feed.text()).startsWith("⚡").contains(title).doesNotContain("Срочно:");
        assertThat(feed.linkPreview()).isTrue();
    }
}
