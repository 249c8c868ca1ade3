package newsbot.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Faults queued by a test and consumed by the next matching requests, in the order they were queued. A fault
 * without a method never hits getUpdates (so a test's "fail the next send" is not eaten by the long poll).
 */
final class FakeFaults {

    enum Kind {
        /** Answer with an HTTP error status without doing anything. */
        STATUS,
        /** Close the connection without answering, without doing anything. */
        DROP,
        /** Do the work (a message is delivered), then close the connection without answering. */
        DELIVER_THEN_DROP,
        /**
         * Do the work, then answer 200 with a message id past a Java int, as an independent Bot API emulator did:
         * Telegram took the call, and the client cannot read what it made.
         */
        DELIVER_UNREADABLE,
        /** Answer 400 with a description quoting the request path (token included), as some proxies do. */
        ECHO_PATH
    }

    /** The fault applied to one request. */
    record Fault(Kind kind, int status) {
    }

    private static final class Rule {
        final Fault fault;
        final String method;
        int remaining;

        Rule(Fault fault, String method, int remaining) {
            this.fault = fault;
            this.method = method;
            this.remaining = remaining;
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    private Duration delay = Duration.ZERO;
    private String delayedMethod;

    synchronized void add(Kind kind, int status, String methodOrNull, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive");
        }
        rules.add(new Rule(new Fault(kind, status), methodOrNull, count));
    }

    synchronized void delay(Duration newDelay, String methodOrNull) {
        delay = newDelay;
        delayedMethod = methodOrNull;
    }

    synchronized void clear() {
        rules.clear();
        delay = Duration.ZERO;
        delayedMethod = null;
    }

    /** Takes the fault for this request, if any. */
    synchronized Optional<Fault> next(String method) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if (matches(rule.method, method)) {
                if (--rule.remaining == 0) {
                    it.remove();
                }
                return Optional.of(rule.fault);
            }
        }
        return Optional.empty();
    }

    synchronized Duration delayFor(String method) {
        return matches(delayedMethod, method) ? delay : Duration.ZERO;
    }

    private static boolean matches(String ruleMethod, String method) {
        return ruleMethod == null ? !method.equalsIgnoreCase("getUpdates") : ruleMethod.equalsIgnoreCase(method);
    }
}
