package newsbot.store;

/** A reader's followed or muted phrase as they wrote it; {@code id} names it in a remove button. */
public record Phrase(long id, String phrase) {
}
