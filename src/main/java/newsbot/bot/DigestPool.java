package newsbot.bot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import newsbot.config.Category;
import newsbot.digest.DigestComposer;
import newsbot.digest.DigestItem;
import newsbot.digest.RenderedItem;
import newsbot.store.ArticleRow;

/**
 * The candidate articles of a digest run, rendered once and bucketed per configured category, newest id first.
 * A reader's unseen items are then picked in memory: per category, only the ids above the reader's cursor are
 * touched, which is what makes 100,000 digests a tick cheap.
 */
final class DigestPool {

    private static final long[] NONE = new long[0];

    private final List<Category> categories;
    private final Map<String, Integer> indexOf = new HashMap<>();
    private final Bucket[] buckets;
    private final long upTo;

    /**
     * @param rows one row per (article, category), as {@code Articles} returns them; rows of categories not in
     *             {@code categories} are ignored
     * @param upTo the highest article id considered: readers' cursors move here when they get a digest
     */
    DigestPool(List<ArticleRow> rows, long upTo, List<Category> categories, DigestComposer composer,
               DigestOptions options) {
        this.categories = List.copyOf(categories);
        this.upTo = upTo;
        for (int i = 0; i < this.categories.size(); i++) {
            indexOf.put(this.categories.get(i).slug(), i);
        }
        // The categories each article is indexed under, so an article in two of a reader's categories shows once.
        Map<Long, int[]> articleCategories = new HashMap<>();
        List<List<ArticleRow>> grouped = new ArrayList<>();
        for (int i = 0; i < this.categories.size(); i++) {
            grouped.add(new ArrayList<>());
        }
        for (ArticleRow row : rows) {
            Integer index = indexOf.get(row.category());
            if (index != null) {
                grouped.get(index).add(row);
                articleCategories.merge(row.id(), new int[] {index}, DigestPool::union);
            }
        }
        int summaryChars = options.withSummaries() ? options.summaryMaxChars() : 0;
        buckets = new Bucket[this.categories.size()];
        for (int i = 0; i < buckets.length; i++) {
            List<ArticleRow> list = grouped.get(i);
            list.sort(Comparator.comparingLong(ArticleRow::id).reversed());
            // The slug instance from the config, so the composer's category lookup hits on identity.
            String slug = this.categories.get(i).slug();
            Bucket bucket = new Bucket(list.size());
            for (int j = 0; j < list.size(); j++) {
                ArticleRow row = list.get(j);
                bucket.ids[j] = row.id();
                bucket.categories[j] = articleCategories.get(row.id());
                bucket.items[j] = composer.render(new DigestItem(row.id(), row.title(), row.url(), row.summary(), slug,
                        row.publishedAt()), summaryChars);
            }
            buckets[i] = bucket;
        }
    }

    long upTo() {
        return upTo;
    }

    /**
     * What a reader has not seen: of {@code readerCategories}, above {@code cursor}, not in {@code pushed} (sorted
     * article ids already sent as breaking news), each article once, under the first of the reader's categories in
     * the configured order. Only the newest {@code maxPerCategory} of each category are kept; the rest are counted.
     */
    Pick pick(long cursor, List<String> readerCategories, long[] pushed, int maxPerCategory) {
        boolean[] chosen = new boolean[buckets.length];
        for (String slug : readerCategories) {
            Integer index = indexOf.get(slug);
            if (index != null) {
                chosen[index] = true;
            }
        }
        long[] skip = pushed == null ? NONE : pushed;
        List<RenderedItem> items = new ArrayList<>();
        int[] unseen = new int[buckets.length];
        for (int i = 0; i < buckets.length; i++) {
            if (!chosen[i]) {
                continue;
            }
            Bucket bucket = buckets[i];
            int count = 0;
            // Ids are sorted newest first, so the walk stops at the reader's cursor; the pushed ids (ascending)
            // are walked down alongside.
            int p = skip.length - 1;
            for (int j = 0; j < bucket.ids.length && bucket.ids[j] > cursor; j++) {
                long id = bucket.ids[j];
                while (p >= 0 && skip[p] > id) {
                    p--;
                }
                if ((p >= 0 && skip[p] == id)
                        || (bucket.categories[j].length > 1 && shownEarlier(bucket.categories[j], i, chosen))) {
                    continue;
                }
                if (count++ < maxPerCategory) {
                    items.add(bucket.items[j]);
                }
            }
            unseen[i] = count;
        }
        return new Pick(items, unseen);
    }

    /** A reader's newest unseen items, at most the cap per category, and how many each category has unseen. */
    final class Pick {
        private final List<RenderedItem> items;
        private final int[] unseen;

        private Pick(List<RenderedItem> items, int[] unseen) {
            this.items = items;
            this.unseen = unseen;
        }

        List<RenderedItem> items() {
            return items;
        }

        int unseen(String slug) {
            Integer index = indexOf.get(slug);
            return index == null ? 0 : unseen[index];
        }
    }

    private static boolean shownEarlier(int[] articleCategories, int current, boolean[] chosen) {
        for (int c : articleCategories) {
            if (c < current && chosen[c]) {
                return true;
            }
        }
        return false;
    }

    private static int[] union(int[] a, int[] b) {
        int[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** One category's candidates as parallel arrays, sorted by article id, newest first. */
    private static final class Bucket {
        final long[] ids;
        final int[][] categories;
        final RenderedItem[] items;

        Bucket(int size) {
            ids = new long[size];
            categories = new int[size][];
            items = new RenderedItem[size];
        }
    }
}
