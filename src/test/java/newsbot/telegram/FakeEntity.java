package newsbot.telegram;

/** A MessageEntity of a user's message, offsets and lengths in UTF-16 units; {@code url} only for text_link. */
public record FakeEntity(String type, int offset, int length, String url) {

    public static FakeEntity of(String type, int offset, int length) {
        return new FakeEntity(type, offset, length, null);
    }
}
