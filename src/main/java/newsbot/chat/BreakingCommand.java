package newsbot.chat;

import java.util.Locale;
import java.util.Optional;
import java.util.function.LongPredicate;
import newsbot.config.Category;
import newsbot.html.Html;
import newsbot.messages.CategoryNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /breaking} is two commands under one name. A reader's: {@code /breaking on|off [category]} switches
 * breaking alerts, as a whole or for one of their categories (the others then come only in the digest); alone it
 * shows the setting. An editor's: {@code /breaking <article id or link>} (and {@code /breaking fast …}) pushes an
 * article, in their private chat. {@link #route} is the one rule that tells them apart: an argument starting with
 * on or off is always the reader's switch, anything else from an editor is the push.
 */
final class BreakingCommand implements CommandHandler {

    private static final Logger LOG = LoggerFactory.getLogger(BreakingCommand.class);

    /** What a {@code /breaking} line asks for. */
    enum Route {
        /** No argument: show the reader's setting. */
        SHOW,
        /** {@code on} or {@code off}, maybe with a category: the reader's switch. */
        SWITCH,
        /** Anything else: an editor's push of an article (a reader gets the usage). */
        PUSH
    }

    /** A switch's parts: on or off, and the category it names, if any (as typed). */
    record Switch(boolean on, String category) {
    }

    private final Readers readers;
    private final CategoryNames names;
    private final CommandHandler adminPush;
    private final LongPredicate isAdmin;

    BreakingCommand(Readers readers, CategoryNames names, CommandHandler adminPush, LongPredicate isAdmin) {
        this.readers = readers;
        this.names = names;
        this.adminPush = adminPush;
        this.isAdmin = isAdmin;
    }

    static Route route(String args) {
        if (args.isBlank()) {
            return Route.SHOW;
        }
        return parseSwitch(args).isPresent() ? Route.SWITCH : Route.PUSH;
    }

    /** {@code on|off [category]}; empty when the first word is neither. */
    static Optional<Switch> parseSwitch(String args) {
        String[] parts = args.strip().split("\\s+", 2);
        String word = parts[0].toLowerCase(Locale.ROOT);
        boolean on = word.equals("on") || word.equals("вкл") || word.equals("да") || word.equals("күйгүз");
        boolean off = word.equals("off") || word.equals("выкл") || word.equals("нет") || word.equals("өчүр");
        if (!on && !off) {
            return Optional.empty();
        }
        return Optional.of(new Switch(on, parts.length > 1 ? parts[1].strip() : ""));
    }

    @Override
    public void handle(Conversation c) {
        switch (route(c.args())) {
            case SHOW -> c.replyWith("breaking.usage", c.text(c.reader().breakingOn() ? "settings.on" : "settings.off"));
            case SWITCH -> onSwitch(c, parseSwitch(c.args()).orElseThrow());
            case PUSH -> onPush(c);
        }
    }

    private void onPush(Conversation c) {
        Long user = c.incoming().userId();
        if (adminPush != null && user != null && isAdmin.test(user)) {
            if (!c.incoming().isPrivate()) {
                c.replyWith("admin.private.only"); // an editor's tool: nothing of it is posted in a group
                return;
            }
            adminPush.handle(c);
            return;
        }
        if (adminPush != null) {
            LOG.warn("admin /breaking push refused for user {} in chat {}", user, c.chatId());
        }
        c.replyWith("breaking.usage", c.text(c.reader().breakingOn() ? "settings.on" : "settings.off"));
    }

    private void onSwitch(Conversation c, Switch change) {
        if (change.category().isEmpty()) {
            readers.setAllBreaking(c.chatId(), change.on());
            c.replyWith(change.on() ? "breaking.set.on" : "breaking.set.off");
            return;
        }
        Optional<Category> category = names.find(change.category());
        if (category.isEmpty()) {
            c.replyWith("breaking.category.unknown", Html.escape(Html.echo(change.category())),
                    names.listing(c.language()));
            return;
        }
        String name = Html.escape(category.get().displayName(c.language()));
        if (!readers.setCategoryBreaking(c.chatId(), category.get().slug(), change.on())) {
            c.replyWith("breaking.category.not.chosen", name);
            return;
        }
        c.replyWith(change.on() ? "breaking.category.on" : "breaking.category.off", name);
    }
}
