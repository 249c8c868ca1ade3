package newsbot.chat;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;
import newsbot.config.BotConfig;

/**
 * Keeps one sender who asks too much from costing anyone else anything: past {@code limit} commands or presses
 * within {@code window}, the sender hears one short note and the rest of what they send is ignored for
 * {@code mute}. Only what the bot would answer is counted, and per member in a group: members talking among
 * themselves, or one member flooding, never silence the bot for the group's administrators. Ignored updates still
 * count as handled. Thread-safe; memory is bounded by the senders active within the window.
 */
final class FloodGuard {

    /** What to do with one update of a chat. */
    enum Verdict {
        /** Handle it. */
        HANDLE,
        /** The chat just went over the limit: tell it once, handle nothing else for a while. */
        WARN,
        /** The chat is muted: drop it without a word. */
        IGNORE
    }

    private final int limit;
    private final long windowNanos;
    private final long muteNanos;
    private final LongSupplier nanoTime;
    private final Map<Sender, ArrayDeque<Long>> recent = new HashMap<>();
    private final Map<Sender, Long> mutedUntil = new HashMap<>();
    private long lastSweep;

    FloodGuard(BotConfig.Chat settings, LongSupplier nanoTime) {
        this.limit = settings.floodLimit();
        this.windowNanos = settings.floodWindow().toNanos();
        this.muteNanos = settings.floodMute().toNanos();
        this.nanoTime = nanoTime;
        this.lastSweep = nanoTime.getAsLong();
    }

    /** One person in one chat; in a private chat the two ids are one. */
    private record Sender(long chatId, long userId) { }

    /** The verdict on something {@code userId} sent in {@code chatId} that the bot would answer. */
    synchronized Verdict admit(long chatId, long userId) {
        Sender sender = new Sender(chatId, userId);
        long now = nanoTime.getAsLong();
        sweep(now);
        Long until = mutedUntil.get(sender);
        if (until != null) {
            if (until - now > 0) {
                return Verdict.IGNORE;
            }
            mutedUntil.remove(sender);
        }
        ArrayDeque<Long> times = recent.computeIfAbsent(sender, k -> new ArrayDeque<>());
        while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
            times.pollFirst();
        }
        if (times.size() >= limit) {
            times.clear();
            mutedUntil.put(sender, now + muteNanos);
            return Verdict.WARN;
        }
        times.addLast(now);
        return Verdict.HANDLE;
    }

    /** Forgets chats that sent nothing within the window and mutes that are over. */
    private void sweep(long now) {
        if (now - lastSweep < windowNanos) {
            return;
        }
        lastSweep = now;
        for (Iterator<ArrayDeque<Long>> it = recent.values().iterator(); it.hasNext(); ) {
            ArrayDeque<Long> times = it.next();
            if (times.isEmpty() || now - times.peekLast() >= windowNanos) {
                it.remove();
            }
        }
        mutedUntil.values().removeIf(until -> until - now <= 0);
    }
}
