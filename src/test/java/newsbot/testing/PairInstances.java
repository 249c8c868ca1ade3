package newsbot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongFunction;
import newsbot.store.Database;

import newsbot.delivery.DeliveryKind;
import newsbot.delivery.DeliveryTime;
import newsbot.delivery.Manner;
import newsbot.delivery.NewRow;
import newsbot.delivery.Outbox;
import newsbot.delivery.Request;
import newsbot.telegram.FakeBotApi;
import newsbot.telegram.FakeMessage;

/**
 * Instances of a pair for the failover tests and benchmark: an instance's configuration, the packaged jar as a
 * child process, a broadcast's rows queued straight into the shared database, and who received what.
 */
public final class PairInstances {

    private PairInstances() {
    }

    /** An instance on the fake Bot API and the shared database: one category, a feed nobody serves, no HTTP port. */
    public static Map<String, String> properties(FakeBotApi telegram, String dbUrl, String instance) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("telegram.token", telegram.token());
        p.put("telegram.api-url", telegram.apiUrl());
        p.put("db.url", dbUrl);
        p.put("db.user", PostgresServer.USER);
        p.put("instance.name", instance);
        p.put("category.society", "Общество");
        p.put("feed.main.url", "http://127.0.0.1:9/rss");
        p.put("http.port", "0");
        return p;
    }

    /** {@link #properties} as {@code <instance>.properties} in {@code dir}, for the jar's {@code --config}. */
    public static Path writeConfig(Path dir, FakeBotApi telegram, String dbUrl, String instance) {
        StringBuilder text = new StringBuilder();
        properties(telegram, dbUrl, instance).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Path file = dir.resolve(instance + ".properties");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** {@code target/newsbot.jar} with {@code config}, everything it prints going to {@code log}. */
    public static Process startJar(Path config, Path log) {
        Path jar = Path.of("target/newsbot.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("run mvn package first: " + jar + " is missing");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString(), "--config",
                config.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("NEWSBOT_"));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A broadcast's rows for readers 1 to {@code readers}, as the broadcast job enqueues them. */
    public static void enqueueBroadcast(String dbUrl, int readers, LongFunction<String> textFor, Instant now) {
        try (Database db = Database.openPostgres(dbUrl, PostgresServer.USER, "")) {
            List<NewRow> rows = new ArrayList<>();
            for (long chat = 1; chat <= readers; chat++) {
                rows.add(new NewRow(chat, DeliveryKind.BROADCAST, 7, 0, new Request.SendText(textFor.apply(chat)),
                        Manner.PLAIN, now));
            }
            db.useTransaction(h -> new Outbox(DeliveryTime.system()).enqueueRows(h, rows));
        }
    }

    /** How many messages containing {@code text} each chat received. */
    public static Map<Long, Integer> receivedPerChat(FakeBotApi telegram, String text) {
        Map<Long, Integer> per = new HashMap<>();
        for (FakeMessage m : telegram.sentMessages()) {
            if (m.text().contains(text)) {
                per.merge(m.chatId(), 1, Integer::sum);
            }
        }
        return per;
    }

    /** Waits for another process or thread, polling; fails when {@code timeout} passes first. */
    public static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(20);
        }
    }
}
