package newsbot.digest;

import java.time.Duration;
import newsbot.config.BotConfig;

/**
 * How digests are built.
 *
 * @param maxPerCategory  articles shown per category before "and N more"
 * @param withSummaries   whether a short summary follows each title (off: a digest is a list of headlines)
 * @param summaryMaxChars where summaries are cut when shown
 * @param lookback        articles fetched longer ago never reach a digest, so a reader back after weeks away
 *                        gets recent news, and a tick loads a bounded number of candidates
 * @param batchSize       readers per transaction: bounds how long one tick holds SQLite's write lock
 */
public record DigestOptions(int maxPerCategory, boolean withSummaries, int summaryMaxChars, Duration lookback,
                            int batchSize) {

    public DigestOptions {
        if (maxPerCategory < 1 || batchSize < 1 || lookback.isNegative() || lookback.isZero()) {
            throw new IllegalArgumentException("digest options out of range: max per category " + maxPerCategory
                    + ", batch " + batchSize + ", lookback " + lookback);
        }
    }

    /** The configured caps (summaries cut as the feed cleaner cuts them); headlines only, a week back, 500 readers per transaction. */
    public static DigestOptions from(BotConfig config) {
        return new DigestOptions(config.digest().maxPerCategory(), false, config.feeds().summaryMaxChars(),
                Duration.ofDays(7), 500);
    }
}
