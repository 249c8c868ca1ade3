package newsbot.telegram;

/** One request the fake answered (or dropped: status 0), with the canonical method name and its arrival time. */
public record FakeCall(String method, long atNanos, int status) {
}
