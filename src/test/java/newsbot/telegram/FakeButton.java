package newsbot.telegram;

/** One inline keyboard button as the bot sent it; {@code callbackData} or {@code url} may be null. */
public record FakeButton(String text, String callbackData, String url) {
}
