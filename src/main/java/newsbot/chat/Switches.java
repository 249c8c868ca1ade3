package newsbot.chat;

import java.util.Locale;
import java.util.Set;

/** The words readers use for "off", in both languages. */
final class Switches {

    private static final Set<String> OFF = Set.of("off", "no", "none", "stop", "выкл", "выключить", "отключить",
            "нет", "стоп");

    private Switches() {
    }

    static boolean isOff(String text) {
        return OFF.contains(text.strip().toLowerCase(Locale.ROOT));
    }
}
