package newsbot.delivery;

/**
 * How a row goes out, apart from what it asks: with or without sound and link preview, under which keyboard, into
 * which forum topic, in which lane, and what follows its delivery.
 *
 * @param keyboardJson an inline keyboard as Bot API JSON (on the row's last part), or {@code null} for none
 * @param threadId     the forum topic a reply answers in, or {@code null} (a push goes to its chat's chosen topic)
 */
public record Manner(Sound sound, Preview preview, String keyboardJson, Integer threadId, Lane lane, Then then) {

    /** A ringing message without preview or keyboard: the start of every other manner. */
    public static final Manner PLAIN = new Manner(Sound.RING, Preview.HIDE, null, null, Lane.FREE, Then.NOTHING);

    public static Manner of(Sound sound, Preview preview) {
        return PLAIN.with(sound).with(preview);
    }

    public Manner with(Sound s) {
        return new Manner(s, preview, keyboardJson, threadId, lane, then);
    }

    public Manner with(Preview p) {
        return new Manner(sound, p, keyboardJson, threadId, lane, then);
    }

    public Manner with(Lane l) {
        return new Manner(sound, preview, keyboardJson, threadId, l, then);
    }

    public Manner with(Then t) {
        return new Manner(sound, preview, keyboardJson, threadId, lane, t);
    }

    public Manner withKeyboard(String json) {
        return new Manner(sound, preview, json, threadId, lane, then);
    }

    public Manner inThread(Integer thread) {
        return new Manner(sound, preview, keyboardJson, thread, lane, then);
    }

    boolean silent() {
        return sound == Sound.SILENT;
    }

    /** Whether the phone rings. */
    public enum Sound {
        RING, SILENT;

        public static Sound silentIf(boolean silent) {
            return silent ? SILENT : RING;
        }
    }

    /** Whether Telegram shows a link preview under a text. */
    public enum Preview {
        HIDE, SHOW;

        public static Preview showIf(boolean show) {
            return show ? SHOW : HIDE;
        }
    }

    /** FREE at the free rate; PAID with allow_paid_broadcast while the day's Stars budget pays for it. */
    public enum Lane {
        FREE, PAID
    }

    /** What follows delivery: NOTHING, or PIN the delivered message (a row of its own, paced like any call). */
    public enum Then {
        NOTHING, PIN
    }
}
