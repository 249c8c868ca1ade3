package newsbot.chat;


import java.time.Clock;

/** /digest: what the next scheduled digest would hold, now; it counts as delivered. */
final class DigestCommand implements CommandHandler {

    private final OnDemandDigests digests;
    private final Clock clock;

    public DigestCommand(OnDemandDigests digests, Clock clock) {
        this.digests = digests;
        this.clock = clock;
    }

    @Override
    public void handle(Conversation c) {
        // A sent digest is its own answer: it arrives through the outbox like a scheduled one.
        switch (digests.sendNow(c.chatId(), clock.instant())) {
            case SENT -> { }
            case NOTHING_NEW -> c.replyWith("digest.empty");
            case NO_CATEGORIES -> c.replyWith("digest.no.categories");
        }
    }
}
