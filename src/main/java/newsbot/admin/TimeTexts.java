package newsbot.admin;

import java.time.Duration;
import java.time.Instant;

/** Durations ("1 h 5 min") and ages ("5 min ago") in an admin's language; corrections report with it too. */
final class TimeTexts {

    private final AdminTexts texts;

    public TimeTexts(AdminTexts texts) {
        this.texts = texts;
    }

    public String duration(String language, Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        if (seconds < 60) {
            return texts.get(language, "admin.duration.s", seconds);
        }
        if (seconds < 3600) {
            return texts.get(language, "admin.duration.ms", seconds / 60, seconds % 60);
        }
        return texts.get(language, "admin.duration.hm", seconds / 3600, seconds % 3600 / 60);
    }

    /** How long ago {@code then} was; "never" for {@code null}. */
    String ago(String language, Instant then, Instant now) {
        if (then == null) {
            return texts.get(language, "admin.ago.never");
        }
        long seconds = Math.max(0, Duration.between(then, now).toSeconds());
        if (seconds < 60) {
            return texts.get(language, "admin.ago.now");
        }
        if (seconds < 3600) {
            return texts.get(language, "admin.ago.min", seconds / 60);
        }
        if (seconds < 86_400) {
            return texts.get(language, "admin.ago.h", seconds / 3600);
        }
        return texts.get(language, "admin.ago.d", seconds / 86_400);
    }
}
