package newsbot.telegram;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * What Telegram made of one call, sorted once, here: callers switch over these kinds and never read Telegram's
 * wording, which each refusal keeps in {@code reason} for the log only.
 */
public sealed interface SendOutcome {

    /**
     * Calls the case for this kind. Java 17 has no pattern switch, so this is how a caller handles every kind: a
     * new kind fails to compile until each {@link Cases} handles it.
     */
    <R> R match(Cases<R> cases);

    /** One method per kind of outcome. */
    interface Cases<R> {
        R delivered(Delivered d);

        R notModified(NotModified n);

        R retryAfter(RetryAfter r);

        R blocked(Blocked b);

        R chatGone(ChatGone g);

        R migrated(Migrated m);

        R cannotEdit(CannotEdit e);

        R cannotDelete(CannotDelete d);

        R sourceGone(SourceGone s);

        R noRights(NoRights n);

        R paidRefused(PaidRefused p);

        R richRefused(RichRefused r);

        R rejected(Rejected r);

        R transientFailure(Transient t);
    }

    /** Telegram answered 2xx: the call took effect, and it must never be made again. */
    record Delivered(Sent sent) implements SendOutcome {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.delivered(this);
        }

        /** A new message with this id (sendMessage, copyMessage, sendPhoto). */
        public static Delivered message(long messageId) {
            return new Delivered(new Sent.Message(messageId));
        }

        /** A call that changes something without making a message (pin, edit, delete, answer a callback). */
        public static Delivered done() {
            return new Delivered(Sent.DONE);
        }
    }

    /** 400 "message is not modified": an edit to the content the message already shows. */
    record NotModified(String reason) implements SendOutcome {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.notModified(this);
        }
    }

    /** 429: nothing of what it concerns may be sent for {@code delay}. */
    record RetryAfter(Duration delay) implements SendOutcome {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.retryAfter(this);
        }
    }

    /** 403: the user blocked the bot, was deactivated, or the bot was kicked. */
    record Blocked(String reason) implements SendOutcome {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.blocked(this);
        }
    }

    /** 400 chat not found or deactivated: the chat no longer exists for the bot. */
    record ChatGone(String reason) implements SendOutcome {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.chatGone(this);
        }
    }

    /** 400 with migrate_to_chat_id: the group became a supergroup with a new id. */
    record Migrated(long newChatId) implements SendOutcome {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.migrated(this);
        }
    }

    /** The message to edit is gone, too old, or has no text or caption of that kind: no retry can change it. */
    record CannotEdit(String reason) implements SendOutcome {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.cannotEdit(this);
        }
    }

    /** The message cannot be deleted: {@code tooOld} when past the 48 hours Telegram allows a bot. */
    record CannotDelete(boolean tooOld, String reason) implements SendOutcome {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.cannotDelete(this);
        }
    }

    /** The message a copy copies is gone (the editor deleted it): every copy of it fails the same way. */
    record SourceGone(String reason) implements SendOutcome {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.sourceGone(this);
        }
    }

    /** The bot lacks the rights for this in that chat (post in a channel, pin in a group). */
    record NoRights(String reason) implements SendOutcome {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.noRights(this);
        }
    }

    /** Telegram refused paid sending itself (conditions not met, Stars ran out), not the message. */
    record PaidRefused(String reason) implements SendOutcome {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.paidRefused(this);
        }
    }

    /**
     * The chat takes no rich messages (sendRichMessage refused for the chat, not for the document): the same
     * content must go in its compact text form.
     */
    record RichRefused(String reason) implements SendOutcome {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.richRefused(this);
        }
    }

    /** Any other 4xx: the request itself is wrong (a bug); retrying cannot help. */
    record Rejected(int errorCode, String reason) implements SendOutcome {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.rejected(this);
        }
    }

    /** 5xx, I/O error or timeout: worth retrying later. */
    record Transient(String reason) implements SendOutcome {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.transientFailure(this);
        }
    }

    /** What a delivered call produced. */
    sealed interface Sent {
        /** Nothing beyond the effect itself. */
        Sent DONE = new Done();

        /** The new message's id, or an album's first; empty when the call made none or it is unknown. */
        default OptionalLong firstMessageId() {
            return OptionalLong.empty();
        }

        /** One new message. */
        record Message(long messageId) implements Sent {
            @Override
            public OptionalLong firstMessageId() {
                return OptionalLong.of(messageId);
            }
        }

        /** An album: the new messages in order, the first carrying the caption. */
        record Album(List<Long> messageIds) implements Sent {
            @Override
            public OptionalLong firstMessageId() {
                return OptionalLong.of(messageIds.get(0));
            }

            public Album {
                messageIds = List.copyOf(messageIds);
                if (messageIds.isEmpty()) {
                    throw new IllegalArgumentException("an album has messages");
                }
            }
        }

        /** Done, with no message to name. */
        record Done() implements Sent {}

        /** Telegram answered 2xx but the answer could not be read: delivered, what it made unknown. */
        record Unread(String problem) implements Sent {}
    }
}
