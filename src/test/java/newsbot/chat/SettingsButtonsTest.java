package newsbot.chat;

import newsbot.testing.World;
import newsbot.testing.RecordingReplier;


import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

class SettingsButtonsTest {

    @TempDir
    Path dir;

    private static List<InlineKeyboardButton> buttons(InlineKeyboardMarkup keyboard) {
        List<InlineKeyboardButton> all = new ArrayList<>();
        for (InlineKeyboardRow row : keyboard.getKeyboard()) {
            all.addAll(row);
        }
        return all;
    }

    private static InlineKeyboardButton labelled(InlineKeyboardMarkup keyboard, String label) {
        return buttons(keyboard).stream().filter(b -> b.getText().contains(label)).findFirst().orElseThrow();
    }

    @Test
    void settingsShowEverythingWithButtonsThatFitTelegramsLimit() {
        World w = new World(dir);
        w.say(1, "/subscribe economy");
        w.say(1, "/settings");
        var message = w.replier.last();
        assertThat(message.html()).startsWith("<b>Ваши настройки</b>")
                .contains("Рубрики: Экономика", "Дайджест: 08:00, 19:00", "Следующий дайджест: 07.03 08:00",
                        "Часовой пояс: Asia/Bishkek", "Срочные новости: включены", "Тихие часы: нет");
        List<InlineKeyboardButton> buttons = buttons(message.keyboard());
        assertThat(buttons).hasSizeGreaterThanOrEqualTo(8);
        for (InlineKeyboardButton b : buttons) {
            assertThat(b.getCallbackData().getBytes(StandardCharsets.UTF_8).length).isBetween(1, 64);
        }
        assertThat(labelled(message.keyboard(), "08:00, 19:00").getText()).startsWith("✅");
        assertThat(labelled(message.keyboard(), "Без тихих часов").getText()).startsWith("✅");
        assertThat(labelled(message.keyboard(), "Срочные").getText()).contains("выключить");
    }

    @Test
    void pressingAButtonChangesTheSettingAndEditsTheMessageInPlace() {
        World w = new World(dir);
        w.say(1, "/settings");
        InlineKeyboardMarkup keyboard = w.replier.last().keyboard();

        String id = w.press(1, 1000, labelled(keyboard, "Срочные").getCallbackData());
        assertThat(w.reader(1).breakingOn()).isFalse();
        assertThat(w.replier.answers).containsExactly(new RecordingReplier.Answer(id, "Сохранено"));
        RecordingReplier.Edit edit = w.replier.edits.get(0);
        assertThat(edit.messageId()).isEqualTo(1000);
        assertThat(edit.html()).contains("Срочные новости: выключены");
        assertThat(labelled(edit.keyboard(), "Срочные").getText()).contains("включить");

        w.press(1, 1000, labelled(keyboard, "07:00, 13:00, 19:00").getCallbackData());
        assertThat(w.reader(1).digestTimes())
                .containsExactly(LocalTime.of(7, 0), LocalTime.of(13, 0), LocalTime.of(19, 0));
        w.press(1, 1000, labelled(keyboard, "23:00–07:00").getCallbackData());
        assertThat(w.reader(1).quietFrom()).isEqualTo(LocalTime.of(23, 0));
        RecordingReplier.Edit last = w.replier.edits.get(w.replier.edits.size() - 1);
        assertThat(last.html()).contains("Дайджест: 07:00, 13:00, 19:00", "Тихие часы: 23:00–07:00");
        assertThat(labelled(last.keyboard(), "23:00–07:00").getText()).startsWith("✅");

        w.press(1, 1000, labelled(keyboard, "Без дайджеста").getCallbackData());
        assertThat(w.reader(1).digestTimes()).isEmpty();
        w.press(1, 1000, labelled(keyboard, "Без тихих часов").getCallbackData());
        assertThat(w.reader(1).hasQuietHours()).isFalse();
        assertThat(w.replier.answers).hasSize(5).allMatch(a -> a.text().equals("Сохранено"));
    }

    @Test
    void aButtonWithDataFromNowhereIsAnsweredAsStale() {
        World w = new World(dir);
        String id = w.press(1, 1000, "set:d:99:99");
        assertThat(w.replier.answers).containsExactly(
                new RecordingReplier.Answer(id, "Эта кнопка устарела. Откройте /settings заново."));
        assertThat(w.replier.edits).isEmpty();
        w.press(1, 1000, "set:x");
        assertThat(w.replier.answers).hasSize(2);
    }
}
