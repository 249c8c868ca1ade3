package newsbot.telegram;

/** An answerCallbackQuery the bot made; {@code text} may be null. */
public record FakeCallbackAnswer(String callbackQueryId, String text, boolean showAlert, long atNanos, String url) {
}
