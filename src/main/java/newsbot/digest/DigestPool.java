package newsbot.digest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import newsbot.config.Category;
import newsbot.messages.DigestComposer;
import newsbot.messages.DigestItem;
import newsbot.messages.RenderedItem;
import newsbot.store.ArticleRow;

/**
 * The candidate articles of a digest run, rendered once and bucketed per configured category, newest id first.
 * A reader's digest is then picked in memory: per category, the newest few items above the reader's cursor are
 * taken and the rest counted by binary search, which is what makes 100,000 digests a tick cheap.
 */
final class DigestPool {

    private static final long[] NONE = new long[0];

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
        this.upTo = upTo;
        for (int i = 0; i < categories.size(); i++) {
            indexOf.put(categories.get(i).slug(), i);
        }
        // The categories each article is indexed under, so an article in two of a reader's categories shows once.
        Map<Long, int[]> articleCategories = new HashMap<>();
        List<List<ArticleRow>> grouped = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
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
        buckets = new Bucket[categories.size()];
        for (int i = 0; i < buckets.length; i++) {
            List<ArticleRow> list = grouped.get(i);
            list.sort(Comparator.comparingLong(ArticleRow::id).reversed());
            // The slug instance from the config, so the composer's category lookup hits on identity.
            String slug = categories.get(i).slug();
            RenderedItem[] items = new RenderedItem[list.size()];
            long[] ids = new long[list.size()];
            int[][] itemCategories = new int[list.size()][];
            for (int j = 0; j < list.size(); j++) {
                ArticleRow row = list.get(j);
                ids[j] = row.id();
                itemCategories[j] = articleCategories.get(row.id());
                items[j] = composer.render(new DigestItem(row.id(), row.title(), row.url(), row.summary(), slug,
                        row.publishedAt()), summaryChars);
            }
            buckets[i] = new Bucket(i, ids, itemCategories, items);
        }
    }

    long upTo() {
        return upTo;
    }

    /**
     * What a reader has not seen: of {@code readerCategories}, above {@code cursor}, not in {@code pushed} (sorted
     * article ids already sent as breaking news), each article once, under the first of the reader's categories in
     * the configured order. Only the newest {@code maxPerCategory} of each category are taken; the rest are
     * counted, without walking them: this runs for every reader.
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
            if (chosen[i]) {
                unseen[i] = buckets[i].pick(cursor, chosen, skip, maxPerCategory, items);
            }
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

    private static int[] union(int[] a, int[] b) {
        int[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** One category's candidates as parallel arrays, newest id first. */
    private static final class Bucket {
        private final int index;
        private final long[] ids;
        private final int[][] categories;
        private final RenderedItem[] items;
        /** Positions of articles also indexed under another category: the only ones that can be shown earlier. */
        private final int[] shared;

        Bucket(int index, long[] ids, int[][] categories, RenderedItem[] items) {
            this.index = index;
            this.ids = ids;
            this.categories = categories;
            this.items = items;
            this.shared = IntStream.range(0, ids.length).filter(j -> categories[j].length > 1).toArray();
        }

        /** Adds the newest {@code max} eligible items to {@code out}; returns how many are eligible in all. */
        int pick(long cursor, boolean[] chosen, long[] pushed, int max, List<RenderedItem> out) {
            int above = countAbove(cursor);
            int taken = 0;
            for (int j = 0; j < above && taken < max; j++) {
                if (!excluded(j, chosen, pushed)) {
                    out.add(items[j]);
                    taken++;
                }
            }
            // Eligible = above the cursor minus the excluded, which are few: shared articles and pushed ones.
            int excluded = 0;
            for (int j : shared) {
                if (j >= above) {
                    break;
                }
                if (excluded(j, chosen, pushed)) {
                    excluded++;
                }
            }
            for (long id : pushed) {
                int j = positionOf(id);
                if (j >= 0 && j < above && categories[j].length == 1) {
                    excluded++;
                }
            }
            return above - excluded;
        }

        private boolean excluded(int j, boolean[] chosen, long[] pushed) {
            if (categories[j].length > 1) {
                for (int c : categories[j]) {
                    if (c < index && chosen[c]) {
                        return true;
                    }
                }
            }
            return pushed.length > 0 && Arrays.binarySearch(pushed, ids[j]) >= 0;
        }

        /** How many ids are above {@code cursor}: ids are descending, so a binary search for the boundary. */
        private int countAbove(long cursor) {
            int low = 0;
            int high = ids.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (ids[mid] > cursor) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }

        private int positionOf(long id) {
            int j = countAbove(id);
            return j < ids.length && ids[j] == id ? j : -1;
        }
    }
}
