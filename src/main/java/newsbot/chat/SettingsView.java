package newsbot.chat;

import newsbot.schedule.ReaderSchedules;
import newsbot.messages.CategoryNames;
import newsbot.messages.Texts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import newsbot.schedule.DigestPlanner;
import newsbot.schedule.DigestTimes;
import newsbot.schedule.QuietHours;
import newsbot.store.Subscriber;
import newsbot.html.Html;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * The /settings message: everything the reader has chosen, with buttons for the common changes. Button data is
 * {@code set:} plus the setting and its new value ({@code set:d:08:00,19:00}), at most 23 bytes: a button from an
 * old message still means what it says.
 */
final class SettingsView {

    public static final String PREFIX = "set:";
    static final String BREAKING = "b:";
    static final String DIGEST = "d:";
    static final String QUIET = "q:";
    /** A category's breaking alerts toggled: {@code set:c:<slug>}, at most 38 bytes (slugs are at most 32). */
    static final String CATEGORY_BREAKING = "c:";
    static final String OFF = "off";
    static final List<String> DIGEST_PRESETS = List.of("08:00", "08:00,19:00", "07:00,13:00,19:00");
    static final List<String> QUIET_PRESETS = List.of("23:00-07:00", "22:00-08:00");
    private static final String CHECK = "✅ ";

    private final Readers readers;
    private final CategoryNames names;
    private final Texts texts;
    private final DigestPlanner planner;
    private final Clock clock;
    private final PhraseList topics;
    private final PhraseList mutes;

    public SettingsView(Readers readers, CategoryNames names, Texts texts, DigestPlanner planner, Clock clock,
                        PhraseList topics, PhraseList mutes) {
        this.topics = topics;
        this.mutes = mutes;
        this.readers = readers;
        this.names = names;
        this.texts = texts;
        this.planner = planner;
        this.clock = clock;
    }

    String text(Subscriber s) {
        String lang = s.language();
        List<String> categories = readers.categories(s.chatId());
        String chosen = categories.isEmpty() ? texts.get(lang, "categories.none") : names.joined(categories, lang);
        String digest = s.digestTimes().isEmpty()
                ? texts.get(lang, "settings.digest.off")
                : DigestTimes.format(s.digestTimes()).replace(",", ", ");
        String quiet = s.hasQuietHours()
                ? new QuietHours(s.quietFrom(), s.quietTo()).toString()
                : texts.get(lang, "settings.quiet.none");
        List<String> lines = new ArrayList<>(List.of(
                texts.get(lang, "settings.title"),
                "",
                texts.get(lang, "settings.categories", chosen),
                texts.get(lang, "settings.digest", digest)));
        lines.add(texts.get(lang, "settings.topics", phrases(topics, s.chatId(), texts.get(lang, "settings.topics.none"))));
        lines.add(texts.get(lang, "settings.muted", phrases(mutes, s.chatId(), texts.get(lang, "settings.muted.none"))));
        ReaderSchedules.nextDigest(planner, s, clock.instant())
                .ifPresent(next -> lines.add(texts.get(lang, "settings.next", next)));
        lines.addAll(List.of(
                texts.get(lang, "settings.timezone", Html.escape(s.zone().getId())),
                breaking(s, categories),
                texts.get(lang, "settings.quiet", quiet),
                texts.get(lang, "settings.language"),
                texts.get(lang, "settings.status", texts.get(lang, "status." + s.status().name())),
                "",
                texts.get(lang, "settings.hint")));
        return String.join("\n", lines);
    }

    private static String phrases(PhraseList list, long chatId, String none) {
        List<String> mine = list.list(chatId).stream().map(t -> Html.escape(t.phrase())).toList();
        return mine.isEmpty() ? none : "«" + String.join("», «", mine) + "»";
    }

    /** "Breaking news: on", or which categories come at once and which only in the digest. */
    private String breaking(Subscriber s, List<String> categories) {
        String lang = s.language();
        if (!s.breakingOn()) {
            return texts.get(lang, "settings.breaking", texts.get(lang, "settings.off"));
        }
        List<String> atOnce = readers.breakingCategories(s.chatId());
        List<String> digestOnly = categories.stream().filter(c -> !atOnce.contains(c)).toList();
        if (digestOnly.isEmpty()) {
            return texts.get(lang, "settings.breaking", texts.get(lang, "settings.on"));
        }
        return texts.get(lang, "settings.breaking.some", atOnce.isEmpty() ? texts.get(lang, "categories.none")
                : names.joined(atOnce, lang), names.joined(digestOnly, lang));
    }

    InlineKeyboardMarkup keyboard(Subscriber s) {
        String lang = s.language();
        List<InlineKeyboardRow> rows = new ArrayList<>();
        rows.add(new InlineKeyboardRow(s.breakingOn()
                ? Keyboards.button(texts.get(lang, "settings.button.breaking.off"), PREFIX + BREAKING + OFF)
                : Keyboards.button(texts.get(lang, "settings.button.breaking.on"), PREFIX + BREAKING + "on")));
        if (s.breakingOn()) {
            // one toggle per chosen category, two a row: ⚡ at once, 📰 only in the digest
            List<String> atOnce = readers.breakingCategories(s.chatId());
            InlineKeyboardRow row = new InlineKeyboardRow();
            for (String slug : readers.categories(s.chatId())) {
                boolean on = atOnce.contains(slug);
                row.add(Keyboards.button((on ? "⚡ " : "📰 ") + names.displayName(slug, lang),
                        PREFIX + CATEGORY_BREAKING + slug));
                if (row.size() == 2) {
                    rows.add(row);
                    row = new InlineKeyboardRow();
                }
            }
            if (!row.isEmpty()) {
                rows.add(row);
            }
        }
        String times = s.digestTimes().isEmpty() ? OFF : DigestTimes.format(s.digestTimes());
        InlineKeyboardRow digestRow = new InlineKeyboardRow();
        for (String preset : DIGEST_PRESETS) {
            digestRow.add(choice("📰 " + preset.replace(",", ", "), DIGEST + preset, preset.equals(times)));
            if (digestRow.size() == 2) {
                rows.add(digestRow);
                digestRow = new InlineKeyboardRow();
            }
        }
        digestRow.add(choice(texts.get(lang, "settings.button.digest.off"), DIGEST + OFF, times.equals(OFF)));
        rows.add(digestRow);
        String quiet = s.hasQuietHours() ? DigestTimes.format(List.of(s.quietFrom())) + "-"
                + DigestTimes.format(List.of(s.quietTo())) : OFF;
        InlineKeyboardRow quietRow = new InlineKeyboardRow();
        for (String preset : QUIET_PRESETS) {
            quietRow.add(choice("🌙 " + preset.replace("-", "–"), QUIET + preset, preset.equals(quiet)));
        }
        rows.add(quietRow);
        rows.add(new InlineKeyboardRow(choice(texts.get(lang, "settings.button.quiet.off"), QUIET + OFF,
                quiet.equals(OFF))));
        return Keyboards.of(rows);
    }

    private static InlineKeyboardButton choice(String label, String data, boolean current) {
        return Keyboards.button((current ? CHECK : "") + label, PREFIX + data);
    }
}
