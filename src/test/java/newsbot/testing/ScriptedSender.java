package newsbot.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import newsbot.telegram.MessageSender;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;

/**
 * Telegram as the dispatcher sees it, in memory: answers each send as the test scripts it (delivered by default),
 * answers the probe as scripted (delivered by default), and records what was sent, when on the test's clock, and
 * what it was answered.
 */
public final class ScriptedSender implements MessageSender {

    /** One send: to whom, what, at which second of virtual time, and the answer. */
    public record Sent(long chatId, String html, double at, SendOutcome outcome) {
    }

    private final TestClock time;
    private final AtomicLong messageIds = new AtomicLong(1000);
    private final List<Sent> sent = new ArrayList<>();
    private Function<OutgoingMessage, SendOutcome> script = m -> null;
    private Supplier<SendOutcome> probe = () -> SendOutcome.Delivered.message(0);
    private int probes;

    /** Sends recorded at {@code time}'s seconds. */
    public ScriptedSender(TestClock time) {
        this.time = time;
    }

    /** Script answers per message; the script returns null for "delivered". */
    public synchronized ScriptedSender answer(Function<OutgoingMessage, SendOutcome> script) {
        this.script = script;
        return this;
    }

    /** What getMe answers; delivered unless the test plays an outage. */
    public synchronized ScriptedSender probeAnswers(Supplier<SendOutcome> answer) {
        this.probe = answer;
        return this;
    }

    @Override
    public synchronized SendOutcome probe() {
        probes++;
        return probe.get();
    }

    public synchronized int probes() {
        return probes;
    }

    @Override
    public synchronized SendOutcome send(OutgoingMessage message) {
        SendOutcome outcome = script.apply(message);
        if (outcome == null) {
            outcome = SendOutcome.Delivered.message(messageIds.incrementAndGet());
        }
        sent.add(new Sent(message.chatId(), message.html(), time.seconds(), outcome));
        return outcome;
    }

    /** Every send, answered or refused, in order. */
    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The sends Telegram accepted, in order. */
    public synchronized List<Sent> delivered() {
        return sent.stream().filter(s -> s.outcome() instanceof SendOutcome.Delivered).toList();
    }

    /** The chats of {@link #delivered()}, in order. */
    public synchronized List<Long> chats() {
        return delivered().stream().map(Sent::chatId).toList();
    }
}
