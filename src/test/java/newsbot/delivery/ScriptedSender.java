package newsbot.delivery;

import newsbot.testing.TestClock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import newsbot.telegram.MessageSender;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;

/** Answers each send as the test scripts it (Delivered by default) and records what was sent when. */
final class ScriptedSender implements MessageSender {

    record Sent(long chatId, String html, double at, SendOutcome outcome) {
    }

    private final TestClock time;
    private final AtomicLong messageIds = new AtomicLong(1000);
    private final List<Sent> sent = new ArrayList<>();
    private Function<OutgoingMessage, SendOutcome> script = m -> null;
    private java.util.function.Supplier<SendOutcome> probe = () -> SendOutcome.Delivered.message(0);
    private int probes;

    ScriptedSender(TestClock time) {
        this.time = time;
    }

    /** Returns null from the script for "delivered". */
    ScriptedSender answer(Function<OutgoingMessage, SendOutcome> script) {
        this.script = script;
        return this;
    }

    /** What getMe answers; Delivered unless the test plays an outage. */
    ScriptedSender probeAnswers(java.util.function.Supplier<SendOutcome> answer) {
        this.probe = answer;
        return this;
    }

    @Override
    public synchronized SendOutcome probe() {
        probes++;
        return probe.get();
    }

    synchronized int probes() {
        return probes;
    }

    @Override
    public synchronized SendOutcome send(OutgoingMessage message) {
        SendOutcome outcome = script.apply(message);
        if (outcome == null) {
            outcome = SendOutcome.Delivered.message(messageIds.incrementAndGet());
        }
        sent.add(new Sent(message.chatId(), message.html(), time == null ? 0 : time.seconds(), outcome));
        return outcome;
    }

    synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    synchronized List<Sent> delivered() {
        return sent.stream().filter(s -> s.outcome() instanceof SendOutcome.Delivered).toList();
    }
}
