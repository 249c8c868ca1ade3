package newsbot.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import newsbot.config.FeedSource;
import newsbot.html.Html;
import newsbot.store.AuditAction;
import newsbot.store.AuditTrail;
import newsbot.store.Database;
import newsbot.store.WebSubSubscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscriber's side of W3C WebSub: for each feed with a hub ({@code feed.<id>.hub} or the feed's own
 * {@code <link rel="hub">}) it asks the hub for the feed's updates at {@code <public url>/websub/<feed id>}, answers
 * the hub's verification only for what it asked, renews before the lease ends, and takes pushed content only when
 * signed with the subscription's secret. Polling goes on as the safety net.
 */
public final class WebSub {

    private static final Logger LOG = LoggerFactory.getLogger(WebSub.class);
    /** The lease asked for; the hub may grant another. */
    static final Duration LEASE = Duration.ofDays(10);
    /** Renewal starts this long before the lease ends (or halfway through a shorter lease). */
    static final Duration RENEW_BEFORE = Duration.ofDays(1);
    /** A request the hub did not verify, or a failed one, is made again after this long. */
    static final Duration RETRY = Duration.ofHours(1);
    private static final Map<String, String> HMACS = Map.of("sha1", "HmacSHA1", "sha256", "HmacSHA256",
            "sha384", "HmacSHA384", "sha512", "HmacSHA512");

    private final FeedPoller poller;
    private final Database db;
    private final URI publicBase;
    private final HttpClient http;
    private final Clock clock;
    private final WebSubSubscriptions subscriptions = new WebSubSubscriptions();
    private final AuditTrail audit = new AuditTrail();
    private final SecureRandom random = new SecureRandom();

    public WebSub(FeedPoller poller, Database db, URI publicBase, HttpClient http, Clock clock) {
        this.poller = poller;
        this.db = db;
        this.publicBase = publicBase;
        this.http = http;
        this.clock = clock;
    }

    /** Subscribes, renews or retries what is due; call it every minute. Never throws. */
    public void tick() {
        for (FeedSource feed : poller.sources()) {
            try {
                poller.hubOf(feed.id()).ifPresent(hub -> subscribeIfDue(feed, hub));
            } catch (RuntimeException e) {
                LOG.warn("websub: feed {}: {}", feed.id(), e.toString());
            }
        }
    }

    private void subscribeIfDue(FeedSource feed, String hub) {
        Instant now = clock.instant();
        Optional<WebSubSubscriptions.Row> row = db.withHandle(h -> subscriptions.find(h, feed.id()));
        boolean due = row.map(r -> switch (r.state()) {
            case ACTIVE -> !now.isBefore(renewAt(r)) || !r.hub().equals(hub);
            case REQUESTED, FAILED -> !now.isBefore(r.requestedAt().plus(RETRY)) || !r.hub().equals(hub);
        }).orElse(true);
        if (!due) {
            return;
        }
        String secret = row.map(WebSubSubscriptions.Row::secret).orElseGet(this::newSecret);
        db.useTransaction(h -> subscriptions.requested(h, feed.id(), hub, feed.url(), secret, now));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("hub.mode", "subscribe");
        form.put("hub.callback", callback(feed.id()));
        form.put("hub.topic", feed.url());
        form.put("hub.secret", secret);
        form.put("hub.lease_seconds", Long.toString(LEASE.toSeconds()));
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        String refusal;
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(hub))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            int status = answer.statusCode();
            refusal = status / 100 == 2 ? null : "answered " + status + " " + Html.oneLine(answer.body(), 200);
        } catch (IOException e) {
            refusal = "unreachable: " + Html.oneLine(e.toString(), 200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (refusal == null) {
            LOG.info("websub: feed {}: {} at {}, waiting for the hub's verification",
                    feed.id(), row.isPresent() && row.get().state() == WebSubSubscriptions.State.ACTIVE
                            ? "renewal asked" : "subscription asked", hub);
        } else {
            db.useTransaction(h -> subscriptions.failed(h, feed.id()));
            LOG.warn("websub: feed {}: hub {} {}; polling goes on, asking again in {} min", feed.id(), hub, refusal,
                    RETRY.toMinutes());
        }
    }

    private static Instant renewAt(WebSubSubscriptions.Row r) {
        Duration lease = Duration.between(r.requestedAt(), r.leaseUntil());
        Duration before = lease.dividedBy(2).compareTo(RENEW_BEFORE) < 0 ? lease.dividedBy(2) : RENEW_BEFORE;
        return r.leaseUntil().minus(before);
    }

    /**
     * The hub's verification of intent: the challenge when this bot asked for exactly this subscription (topic and
     * mode), which is active from now for the lease the hub granted; empty otherwise. A denial is noted.
     */
    public Optional<String> verify(String feedId, Map<String, String> params) {
        String mode = params.getOrDefault("hub.mode", "");
        String topic = params.getOrDefault("hub.topic", "");
        Optional<WebSubSubscriptions.Row> row = db.withHandle(h -> subscriptions.find(h, feedId))
                .filter(r -> r.topic().equals(topic));
        if (row.isEmpty()) {
            LOG.info("websub: feed {}: a {} for a topic we did not ask for refused", Html.oneLine(feedId, 64),
                    Html.oneLine(mode, 20));
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (mode.equals("denied")) {
            db.useTransaction(h -> subscriptions.failed(h, feedId));
            LOG.warn("websub: feed {}: the hub denied the subscription ({}); polling goes on", feedId,
                    Html.oneLine(params.getOrDefault("hub.reason", "no reason given"), 200));
            return Optional.of("");
        }
        String challenge = params.get("hub.challenge");
        if (!mode.equals("subscribe") || challenge == null || challenge.isEmpty()) {
            LOG.info("websub: feed {}: a {} we did not ask for refused", feedId, Html.oneLine(mode, 20));
            return Optional.empty();
        }
        long seconds;
        try {
            seconds = Long.parseLong(params.getOrDefault("hub.lease_seconds", Long.toString(LEASE.toSeconds())));
        } catch (NumberFormatException e) {
            seconds = LEASE.toSeconds();
        }
        Instant until = now.plusSeconds(Math.max(60, seconds));
        db.useTransaction(h -> subscriptions.verified(h, feedId, until));
        LOG.info("websub: feed {}: subscription verified by the hub, lease until {}", feedId, until);
        return Optional.of(challenge);
    }

    /** What became of a content distribution. */
    public enum Delivery {
        ACCEPTED, UNKNOWN_FEED, REFUSED
    }

    /** Pushed content: ingested only when signed with the subscription's secret (HMAC of the body). */
    public Delivery deliver(String feedId, String signature, String contentType, byte[] body) {
        Optional<WebSubSubscriptions.Row> row = db.withHandle(h -> subscriptions.find(h, feedId))
                .filter(r -> r.state() == WebSubSubscriptions.State.ACTIVE);
        if (row.isEmpty()) {
            LOG.info("websub: content for {} without an active subscription refused", Html.oneLine(feedId, 64));
            return Delivery.UNKNOWN_FEED;
        }
        if (!signed(signature, row.get().secret(), body)) {
            LOG.warn("websub: feed {}: content {} refused, not ingested", feedId,
                    signature.isEmpty() ? "without X-Hub-Signature" : "with a wrong X-Hub-Signature");
            return Delivery.REFUSED;
        }
        int added;
        try {
            added = poller.ingestPushed(feedId, body, contentType);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.UNKNOWN_FEED;
        }
        String outcome = added < 0 ? "not a feed" : added + " new articles";
        LOG.info("websub: feed {}: pushed content, {}", feedId, outcome);
        db.useTransaction(h -> audit.record(h, clock.instant(), AuditTrail.SITE, AuditAction.WEBSUB_RECEIVED, feedId, 0,
                outcome));
        return Delivery.ACCEPTED;
    }

    /** {@code method=hex}: the HMAC of the body with the secret, compared in constant time. */
    static boolean signed(String signature, String secret, byte[] body) {
        int eq = signature.indexOf('=');
        if (eq < 0) {
            return false;
        }
        String algorithm = HMACS.get(signature.substring(0, eq).strip().toLowerCase(Locale.ROOT));
        if (algorithm == null) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.substring(eq + 1).strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return MessageDigest.isEqual(mac.doFinal(body), given);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }

    private String callback(String feedId) {
        return publicBase + "/websub/" + URLEncoder.encode(feedId, StandardCharsets.UTF_8);
    }

    private String newSecret() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
