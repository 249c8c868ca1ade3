package newsbot.messages;

import newsbot.messages.CategoryHeading;
import newsbot.messages.DigestItem;
import newsbot.messages.DigestLayout;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Layouts as the bot would build them from messages_ru / messages_en, and article factories. */
public final class Fixtures {

    public static final ZoneId BISHKEK = ZoneId.of("Asia/Bishkek");
    public static final List<CategoryHeading> ORDER_RU = List.of(new CategoryHeading("politics", "Политика"),
            new CategoryHeading("economy", "Экономика"), new CategoryHeading("sport", "Спорт"));
    public static final List<CategoryHeading> ORDER_EN = List.of(new CategoryHeading("politics", "Politics"),
            new CategoryHeading("economy", "Economy"), new CategoryHeading("sport", "Sport"));
    static final DigestLayout.Labels RU = new DigestLayout.Labels("(продолжение)", "и ещё %d — /latest %s");
    public static final DigestLayout.Labels EN = new DigestLayout.Labels("(continued)", "and %d more — /latest %s");
    public static final Instant BASE = Instant.parse("2026-03-10T02:00:00Z");

    private Fixtures() {
    }

    public static DigestLayout ru(int maxPerCategory, boolean withSummaries) {
        return new DigestLayout("Дайджест", ORDER_RU, maxPerCategory, withSummaries, 120, RU, BISHKEK);
    }

    public static DigestLayout en(int maxPerCategory, boolean withSummaries) {
        return new DigestLayout("Your digest", ORDER_EN, maxPerCategory, withSummaries, 120, EN, BISHKEK);
    }

    /** An article published {@code minutes} after 08:00 Bishkek time on 2026-03-10. */
    static DigestItem item(long id, String category, int minutes, String title) {
        return new DigestItem(id, title, "https://news.example/" + id, "", category, BASE.plusSeconds(minutes * 60L));
    }

    static DigestItem item(long id, String category, int minutes, String title, String summary) {
        return new DigestItem(id, title, "https://news.example/" + id, summary, category,
                BASE.plusSeconds(minutes * 60L));
    }
}
