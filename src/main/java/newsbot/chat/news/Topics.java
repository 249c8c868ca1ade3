package newsbot.chat.news;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import newsbot.store.Database;
import newsbot.store.FollowedTopics;
import newsbot.store.Morphology;

/** A reader's followed topics: the limits and what counts as the same topic, on top of the store's SQL. */
public final class Topics {

    static final int MAX_TOPICS = 10;
    static final int MAX_CHARS = 64;

    private final Database db;
    private final Clock clock;
    private final FollowedTopics topics = new FollowedTopics();
    private final Morphology morphology = new Morphology();

    public Topics(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What {@link #follow} did; the caller says it in the reader's language. */
    sealed interface Followed {
        record Added(String phrase) implements Followed { }
        record Already(String phrase) implements Followed { }
        record TooLong() implements Followed { }
        record TooMany() implements Followed { }
        record NoWords() implements Followed { }
    }

    Followed follow(long chatId, String phrase) {
        String text = phrase.strip().replaceAll("\\s+", " ");
        if (text.codePointCount(0, text.length()) > MAX_CHARS) {
            return new Followed.TooLong();
        }
        List<List<String>> terms = morphology.queryTerms(text);
        if (terms.isEmpty()) {
            return new Followed.NoWords();
        }
        String key = key(terms);
        return db.inTransaction(h -> {
            Optional<FollowedTopics.Topic> same = topics.findByKey(h, chatId, key);
            if (same.isPresent()) {
                return new Followed.Already(same.get().phrase());
            }
            if (topics.count(h, chatId) >= MAX_TOPICS) {
                return new Followed.TooMany();
            }
            topics.add(h, chatId, text, key, terms, clock.instant());
            return new Followed.Added(text);
        });
    }

    public List<FollowedTopics.Topic> list(long chatId) {
        return db.withHandle(h -> topics.list(h, chatId));
    }

    /**
     * Removes the topic named by its number in {@code /following}, its words in any form, or its id (a button);
     * returns its phrase, or empty when the reader follows no such topic.
     */
    Optional<String> unfollow(long chatId, String which) {
        String text = which.strip();
        return db.inTransaction(h -> {
            List<FollowedTopics.Topic> mine = topics.list(h, chatId);
            Optional<FollowedTopics.Topic> topic = Optional.empty();
            if (text.matches("\\d{1,3}")) {
                int n = Integer.parseInt(text);
                if (n >= 1 && n <= mine.size()) {
                    topic = Optional.of(mine.get(n - 1));
                }
            }
            if (topic.isEmpty()) {
                List<List<String>> terms = morphology.queryTerms(text);
                if (!terms.isEmpty()) {
                    topic = topics.findByKey(h, chatId, key(terms));
                }
            }
            topic.ifPresent(t -> topics.remove(h, chatId, t.id()));
            return topic.map(FollowedTopics.Topic::phrase);
        });
    }

    /** Removes the topic with this id (a remove button); its phrase, or empty when already gone. */
    Optional<String> unfollowId(long chatId, long topicId) {
        return db.inTransaction(h -> {
            Optional<FollowedTopics.Topic> topic = topics.list(h, chatId).stream()
                    .filter(t -> t.id() == topicId).findFirst();
            topic.ifPresent(t -> topics.remove(h, chatId, t.id()));
            return topic.map(FollowedTopics.Topic::phrase);
        });
    }

    /** The same words in other forms or order-preserving repeats are one topic: keyed by their stems. */
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
