package newsbot.chat;

import java.util.Set;

/**
 * Who may change a group: its categories, settings and status belong to the group, so in a group only its
 * administrators may use the commands and buttons that change them; reading commands stay open to everyone.
 */
final class GroupGuard {

    /**
     * Commands that change the chat's subscription, settings, followed topics, muted phrases or status, or (for
     * {@code /mydata}) hand out all of it.
     */
    private static final Set<String> CHANGES = Set.of("start", "subscribe", "unsubscribe", "language", "timezone",
            "stop", "pause", "resume", "schedule", "quiet", "here", "follow", "unfollow", "mute", "unmute", "forget",
            "mydata");
    /** Commands that only show something; {@code breaking} changes only with an argument, see {@link #changes}. */
    private static final Set<String> READS = Set.of("categories", "settings", "help", "digest", "latest", "top", "search",
            "following", "muted", "breaking", "tip");

    private final GroupAdmins admins;
    private final Set<String> guardedButtons;

    /**
     * @param guardedButtons callback data prefixes of the buttons that change the chat (categories, settings,
     *                       topics)
     */
    GroupGuard(GroupAdmins admins, Set<String> guardedButtons) {
        this.admins = admins;
        this.guardedButtons = Set.copyOf(guardedButtons);
    }

    /** Fails start-up when a reader command is in neither set: a new command must say whether it changes a group. */
    static void checkCovers(Set<String> commands) {
        for (String command : commands) {
            if (!CHANGES.contains(command) && !READS.contains(command)) {
                throw new IllegalStateException("/" + command + " is neither a change nor a reading in GroupGuard");
            }
        }
    }

    /** Whether this command may run here: always in private chats; in groups, changes only by the group's admins. */
    boolean mayRun(Incoming in) {
        if (in.isPrivate() || in.command() == null || !changes(in)) {
            return true;
        }
        return in.userId() != null && admins.isAdmin(in.chatId(), in.userId());
    }

    boolean mayPress(Callback callback) {
        if ("private".equals(callback.chatType())
                || guardedButtons.stream().noneMatch(prefix -> callback.data().startsWith(prefix))) {
            return true;
        }
        return admins.isAdmin(callback.chatId(), callback.userId());
    }

    // "/breaking" alone shows the setting; "/breaking on|off" changes it (an editor's push is private-only anyway)
    private static boolean changes(Incoming in) {
        return CHANGES.contains(in.command()) || in.command().equals("breaking")
                && BreakingCommand.route(in.args()) == BreakingCommand.Route.SWITCH;
    }
}
