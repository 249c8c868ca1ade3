package newsbot.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import newsbot.config.BotConfig;
import newsbot.html.Html;
import newsbot.store.BroadcastContent;
import newsbot.store.BroadcastRow;
import newsbot.store.CampaignState;
import newsbot.store.Database;
import newsbot.store.PaidSpending;

/**
 * The editor's control message of a draft: what the preview above it will do (audience, time, pin, schedule, the
 * cost of sending fast) and the buttons that change it. Re-rendered after every press, from the stored draft.
 */
final class DraftView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final BotConfig config;
    private final Database db;
    private final AdminTexts texts;
    private final CampaignButtons controls;
    private final TimeTexts time;
    private final PaidSpending spending = new PaidSpending();
    private final Clock clock;

    DraftView(BotConfig config, Database db, AdminTexts texts, CampaignButtons controls, TimeTexts time,
              Clock clock) {
        this.clock = clock;
        this.config = config;
        this.db = db;
        this.texts = texts;
        this.controls = controls;
        this.time = time;
    }

    /** Whether "Send fast (paid)" is offered: paid broadcasts on, and Telegram takes it for this kind of message. */
    boolean fastOffered(BroadcastRow b) {
        return config.delivery().paid().enabled()
                && !(b.content() instanceof BroadcastContent.Copy copy && copy.album());
    }

    ProgressView.Shown render(BroadcastRow b) {
        String lang = b.language();
        StringBuilder text = new StringBuilder(texts.get(lang, "admin.broadcast.preview", b.id(),
                audienceName(b.audience(), lang), b.total(), config.delivery().globalPerSecond(),
                time.duration(lang, eta(b.total(), config.delivery().globalPerSecond()))));
        BroadcastContent.LinkButton button = b.content().button();
        if (button != null) {
            text.append('\n').append(texts.get(lang, "admin.draft.button", Html.escape(button.label()),
                    Html.escape(button.url())));
        }
        if (b.options().pinned()) {
            text.append('\n').append(texts.get(lang, "admin.draft.pin"));
        }
        boolean scheduled = b.state() == CampaignState.SCHEDULED;
        if (scheduled) {
            text.append('\n').append(texts.get(lang, "admin.draft.scheduled", when(b.schedule().at(), zone(b)),
                    Html.escape(zone(b).getId())));
        } else if (fastOffered(b)) {
            text.append('\n').append(fastLine(b));
        }
        CampaignButtons.DraftOptions options = new CampaignButtons.DraftOptions(scheduled, b.options().pinned(),
                fastOffered(b));
        return new ProgressView.Shown(text.toString(), controls.preview(b.id(), lang, options));
    }

    /** The times Schedule… offers, in the editor's zone: in an hour, and the next 09:00 and 18:00 ahead. */
    ProgressView.Shown picker(BroadcastRow b, Instant now) {
        String lang = b.language();
        ZoneId zone = zone(b);
        ZonedDateTime local = now.atZone(zone);
        List<CampaignButtons.Choice> choices = new ArrayList<>();
        ZonedDateTime inAnHour = local.plusHours(1).withSecond(0).withNano(0);
        choices.add(new CampaignButtons.Choice(texts.get(lang, "admin.schedule.in.hour"), minute(inAnHour)));
        for (int days = 0; days <= 2 && choices.size() < 4; days++) {
            for (int hour : new int[] {9, 18}) {
                ZonedDateTime t = local.toLocalDate().plusDays(days).atTime(hour, 0).atZone(zone);
                if (t.isAfter(local.plusMinutes(30)) && choices.size() < 4) {
                    String day = texts.get(lang, days == 0 ? "admin.schedule.today" : days == 1
                            ? "admin.schedule.tomorrow" : "admin.schedule.after.tomorrow");
                    choices.add(new CampaignButtons.Choice(day + " " + String.format("%02d:00", hour), minute(t)));
                }
            }
        }
        String text = render(b).html() + "\n\n" + texts.get(lang, "admin.schedule.pick", Html.escape(zone.getId()));
        return new ProgressView.Shown(text, controls.schedulePicker(b.id(), lang, choices));
    }

    /** The cost of sending fast, to confirm. */
    ProgressView.Shown confirmFast(BroadcastRow b) {
        String lang = b.language();
        String text = render(b).html() + "\n\n" + texts.get(lang, "admin.fast.confirm", b.total(), cost(b));
        return new ProgressView.Shown(text, controls.confirmFast(b.id(), lang, cost(b)));
    }

    /** At most how many Stars sending it fast costs, as shown. */
    String cost(BroadcastRow b) {
        return config.delivery().paid().cost(paidShare(b.total())).toPlainString();
    }

    private String fastLine(BroadcastRow b) {
        BotConfig.Paid paid = config.delivery().paid();
        int fits = paidShare(b.total());
        String line = texts.get(b.language(), "admin.draft.fast", time.duration(b.language(),
                eta(b.total(), paid.perSecond())), paid.perSecond(), paid.cost(fits).toPlainString(),
                paid.cost(leftToday()).toPlainString());
        if (fits < b.total()) {
            line += "\n" + texts.get(b.language(), "admin.draft.fast.partly", fits, b.total() - fits);
        }
        return line;
    }

    /** How many of {@code total} messages today's budget still pays for. */
    int paidShare(int total) {
        return Math.min(total, leftToday());
    }

    private int leftToday() {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int spent = db.withHandle(h -> spending.messagesOn(h, day));
        return Math.max(0, config.delivery().paid().messagesPerDay() - spent);
    }

    String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }

    ZoneId zone(BroadcastRow b) {
        return b.schedule() == null ? config.digest().defaultZone() : ZoneId.of(b.schedule().zone());
    }

    static Duration eta(long messages, int perSecond) {
        int rate = Math.max(1, perSecond);
        return Duration.ofSeconds((Math.max(0, messages) + rate - 1) / rate);
    }

    String audienceName(String stored, String language) {
        Audience a = Audience.parse(stored).orElse(Audience.ALL);
        if (a.category() != null) {
            String name = config.category(a.category()).map(c -> c.displayName(language)).orElse(a.category());
            return texts.get(language, "admin.audience.cat", Html.escape(name));
        }
        if (a.language() != null) {
            return texts.get(language, "admin.audience.lang", a.language());
        }
        return texts.get(language, "admin.audience.all");
    }

    private static long minute(ZonedDateTime t) {
        return t.toEpochSecond() / 60;
    }
}
