package newsbot.ops;

import java.util.Map;
import java.util.Optional;

/** What a WebSub hub's requests ask of the bot (W3C WebSub, the subscriber's side). Implemented by the application. */
public interface WebSubHook {

    /** What became of a content distribution. */
    enum Delivery {
        ACCEPTED,
        UNKNOWN_FEED,
        /** No X-Hub-Signature, or one that is not the HMAC of the body with our secret: never ingested. */
        REFUSED,
        STANDBY
    }

    /**
     * A hub's verification of intent ({@code hub.mode}, {@code hub.topic}, {@code hub.challenge},
     * {@code hub.lease_seconds}): the challenge to echo when this bot asked for exactly that; empty otherwise.
     */
    Optional<String> verify(String feedId, Map<String, String> params);

    Delivery deliver(String feedId, String signature, String contentType, byte[] body);
}
