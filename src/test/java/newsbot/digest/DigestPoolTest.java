package newsbot.digest;

import newsbot.testing.World;


import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import newsbot.config.Category;
import newsbot.messages.DigestComposer;
import newsbot.messages.RenderedItem;
import newsbot.store.ArticleRow;
import org.junit.jupiter.api.Test;

class DigestPoolTest {

    private static final List<Category> CATEGORIES = World.CATEGORIES;
    private static final Instant T = Instant.parse("2026-03-07T00:00:00Z");

    @Test
    void picksTheNewestAndCountsTheRestLikeAWalkOverEverythingWould() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            List<ArticleRow> rows = new ArrayList<>();
            int articles = random.nextInt(60);
            for (long id = 1; id <= articles; id++) {
                List<Category> shuffled = new ArrayList<>(CATEGORIES);
                Collections.shuffle(shuffled, random);
                for (int c = 0, n = 1 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0); c < n; c++) {
                    rows.add(new ArticleRow(id, shuffled.get(c).slug(), "t" + id, "https://x.example/" + id, "",
                            T.plusSeconds(id)));
                }
            }
            Collections.shuffle(rows, random);
            DigestOptions options = new DigestOptions(1 + random.nextInt(4), false, 160, Duration.ofDays(7), 10);
            DigestPool pool = new DigestPool(rows, articles, CATEGORIES, new DigestComposer(), options);
            List<String> chosen = new ArrayList<>();
            for (Category c : CATEGORIES) {
                if (random.nextBoolean()) {
                    chosen.add(c.slug());
                }
            }
            long cursor = articles == 0 ? 0 : random.nextInt(articles + 1);
            long[] pushed = random.longs(random.nextInt(5), 1, articles + 2).distinct().sorted().toArray();

            DigestPool.Pick pick = pool.pick(cursor, chosen, pushed, options.maxPerCategory());

            // The plain definition: walk every row.
            Set<Long> placed = new HashSet<>();
            List<Long> expected = new ArrayList<>();
            for (Category c : CATEGORIES) {
                if (!chosen.contains(c.slug())) {
                    continue;
                }
                List<Long> ids = new ArrayList<>();
                for (ArticleRow r : rows) {
                    if (r.category().equals(c.slug()) && r.id() > cursor && Arrays.binarySearch(pushed, r.id()) < 0
                            && !placed.contains(r.id())) {
                        ids.add(r.id());
                    }
                }
                ids.sort(Collections.reverseOrder());
                placed.addAll(ids);
                assertThat(pick.unseen(c.slug())).as("round %d, %s", round, c.slug()).isEqualTo(ids.size());
                expected.addAll(ids.subList(0, Math.min(ids.size(), options.maxPerCategory())));
            }
            List<Long> picked = pick.items().stream().map(RenderedItem::item).map(i -> i.articleId()).toList();
            assertThat(picked).as("round %d", round).containsExactlyElementsOf(new LinkedHashSet<>(expected));
        }
    }
}
