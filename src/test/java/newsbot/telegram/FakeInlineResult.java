package newsbot.telegram;

import java.util.List;

/**
 * One article result of an inline answer: what the list shows (title, description) and the message a user who
 * chooses it posts ({@code html} as sent, {@code plainText} as Telegram shows it), with its buttons.
 */
public record FakeInlineResult(String id, String title, String description, String html, String plainText,
                               List<List<FakeButton>> buttons) {

    /** The first button with this text. */
    public java.util.Optional<FakeButton> button(String text) {
        return buttons.stream().flatMap(List::stream).filter(b -> b.text().equals(text)).findFirst();
    }
}
