package newsbot.chat;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import newsbot.store.Database;
import newsbot.store.FollowedTopics;
import newsbot.store.Morphology;
import newsbot.store.MutedPhrases;
import newsbot.store.Phrase;
import newsbot.store.ReaderPhrases;
import org.jdbi.v3.core.Handle;

/**
 * A reader's followed topics or muted phrases: the limits and what counts as the same phrase (the same words in
 * any form), on top of the store's SQL. {@link #FOLLOWED} and {@link #MUTED} name the two lists.
 */
final class PhraseList {

    static final int MAX_CHARS = 64;

    private final Database db;
    private final Clock clock;
    private final ReaderPhrases phrases;
    private final Kind kind;
    private final OnAdded onAdded;
    private final Morphology morphology = new Morphology();

    /** Which list: its size limit and the prefix of its texts' keys ({@code follow.added}, {@code mute.added}). */
    public enum Kind {
        FOLLOWED(10, "follow", "unfollow", "following"),
        MUTED(20, "mute", "unmute", "muted");

        final int max;
        final String add;
        final String remove;
        final String view;

        Kind(int max, String add, String remove, String view) {
            this.max = max;
            this.add = add;
            this.remove = remove;
            this.view = view;
        }
    }

    /** What else adding a phrase does in its transaction (a muted phrase marks the stored articles it matches). */
    @FunctionalInterface
    interface OnAdded {
        void added(Handle h, long chatId, long phraseId, String text, List<List<String>> terms);
    }

    PhraseList(Database db, Clock clock, ReaderPhrases phrases, Kind kind, OnAdded onAdded) {
        this.db = db;
        this.clock = clock;
        this.phrases = phrases;
        this.kind = kind;
        this.onAdded = onAdded;
    }

    /** The reader's followed topics (/follow). */
    public static PhraseList followed(Database db, Clock clock) {
        return new PhraseList(db, clock, new FollowedTopics(), Kind.FOLLOWED, (h, chat, id, text, terms) -> { });
    }

    /** The reader's muted phrases (/mute): adding one also mutes the stored articles it matches. */
    public static PhraseList muted(Database db, Clock clock) {
        return new PhraseList(db, clock, new MutedPhrases(), Kind.MUTED, new MutedBackfill(clock));
    }

    Kind kind() {
        return kind;
    }

    /** What {@link #add} did; the caller says it in the reader's language. */
    sealed interface Added {
        record Done(String phrase) implements Added { }
        record Already(String phrase) implements Added { }
        record TooLong() implements Added { }
        record TooMany() implements Added { }
        record NoWords() implements Added { }
    }

    Added add(long chatId, String phrase) {
        String text = phrase.strip().replaceAll("\\s+", " ");
        if (text.codePointCount(0, text.length()) > MAX_CHARS) {
            return new Added.TooLong();
        }
        List<List<String>> terms = morphology.queryTerms(text);
        if (terms.isEmpty()) {
            return new Added.NoWords();
        }
        String key = key(terms);
        return db.inTransaction(h -> {
            Optional<Phrase> same = phrases.findByKey(h, chatId, key);
            if (same.isPresent()) {
                return new Added.Already(same.get().phrase());
            }
            if (phrases.count(h, chatId) >= kind.max) {
                return new Added.TooMany();
            }
            Optional<Long> id = phrases.add(h, chatId, text, key, terms, clock.instant());
            id.ifPresent(phraseId -> onAdded.added(h, chatId, phraseId, text, terms));
            return new Added.Done(text);
        });
    }

    /** The reader's phrase with the same words as {@code phrase}, in any form: the other list's check. */
    Optional<String> holds(long chatId, String phrase) {
        List<List<String>> terms = morphology.queryTerms(phrase);
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        return db.withHandle(h -> phrases.findByKey(h, chatId, key(terms))).map(Phrase::phrase);
    }

    public List<Phrase> list(long chatId) {
        return db.withHandle(h -> phrases.list(h, chatId));
    }

    /**
     * Removes the phrase named by its number in the list, its words in any form, or its id (a button); returns
     * its text, or empty when the reader has no such phrase.
     */
    Optional<String> remove(long chatId, String which) {
        String text = which.strip();
        return db.inTransaction(h -> {
            List<Phrase> mine = phrases.list(h, chatId);
            Optional<Phrase> phrase = Optional.empty();
            if (text.matches("\\d{1,3}")) {
                int n = Integer.parseInt(text);
                if (n >= 1 && n <= mine.size()) {
                    phrase = Optional.of(mine.get(n - 1));
                }
            }
            if (phrase.isEmpty()) {
                List<List<String>> terms = morphology.queryTerms(text);
                if (!terms.isEmpty()) {
                    phrase = phrases.findByKey(h, chatId, key(terms));
                }
            }
            phrase.ifPresent(p -> phrases.remove(h, chatId, p.id()));
            return phrase.map(Phrase::phrase);
        });
    }

    /** Removes the phrase with this id (a remove button); its text, or empty when already gone. */
    Optional<String> removeId(long chatId, long id) {
        return db.inTransaction(h -> {
            Optional<Phrase> phrase = phrases.list(h, chatId).stream().filter(p -> p.id() == id).findFirst();
            phrase.ifPresent(p -> phrases.remove(h, chatId, p.id()));
            return phrase.map(Phrase::phrase);
        });
    }

    /** The same words in other forms or order-preserving repeats are one phrase: keyed by their stems. */
    private static String key(List<List<String>> terms) {
        StringBuilder key = new StringBuilder();
        for (List<String> forms : terms) {
            if (key.length() > 0) {
                key.append(' ');
            }
            key.append(forms.get(0));
        }
        return key.toString();
    }
}
