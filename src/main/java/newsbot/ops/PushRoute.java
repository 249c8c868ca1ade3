package newsbot.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import newsbot.html.Html;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /push/<feed id>} with {@code Authorization: Bearer <push.token>}: the site says "there is news now".
 * The body is never read into anything: the bot fetches the feed itself.
 */
final class PushRoute implements Route {

    private static final Logger LOG = LoggerFactory.getLogger(PushRoute.class);
    static final String PREFIX = "/push/";

    private final byte[] tokenDigest;
    private final PushHook hook;

    PushRoute(String token, PushHook hook) {
        this.tokenDigest = sha256(token);
        this.hook = hook;
    }

    @Override
    public boolean serves(String path) {
        return path.startsWith(PREFIX);
    }

    @Override
    public int maxBody(String method) {
        return 0;
    }

    @Override
    public Answer answer(Request request) {
        if (!request.method().equals("POST")) {
            return Answer.only("POST");
        }
        String given = request.header("authorization").orElse("");
        // Digests of equal length compared in constant time: neither the token's bytes nor its length leak.
        boolean authorized = given.regionMatches(true, 0, "Bearer ", 0, 7)
                && MessageDigest.isEqual(sha256(given.substring(7).strip()), tokenDigest);
        String feedId = request.path().substring(PREFIX.length());
        if (!authorized) {
            LOG.info("push for feed {} refused: {}", Html.oneLine(feedId, 64),
                    given.isEmpty() ? "no Authorization" : "wrong token");
            return new Answer(401, Answer.TEXT, "a valid Authorization: Bearer token is required\n");
        }
        return switch (hook.ping(feedId)) {
            case ACCEPTED -> new Answer(202, Answer.TEXT, "polling " + feedId + " now\n");
            case UNKNOWN_FEED -> new Answer(404, Answer.TEXT, "no such feed\n");
            case TOO_MANY -> new Answer(429, Answer.TEXT, "too many pings for this feed, try again in a minute\n");
            case STANDBY -> new Answer(503, Answer.TEXT, "standby instance: ping the active one\n");
        };
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
