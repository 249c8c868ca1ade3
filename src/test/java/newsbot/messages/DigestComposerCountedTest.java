package newsbot.messages;


import newsbot.testing.RecordingReplier;
import static newsbot.messages.Fixtures.item;
import static newsbot.messages.Fixtures.ru;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DigestComposerCountedTest {

    private final DigestComposer composer = new DigestComposer();

    private List<RenderedItem> rendered(DigestItem... items) {
        List<RenderedItem> out = new ArrayList<>();
        for (DigestItem item : items) {
            out.add(composer.render(item, 0));
        }
        return out;
    }

    @Test
    void countedDigestEqualsTheFullOneWithOnlyTheShownItemsGiven() {
        List<DigestItem> all = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            all.add(item(i, "politics", i, "Новость " + i));
        }
        all.add(item(20, "sport", 30, "Матч"));
        List<String> full = composer.compose(all, ru(3, false));
        List<RenderedItem> shown = rendered(all.get(6), all.get(5), all.get(4), all.get(7));
        List<String> counted = composer.composeCounted(shown, Map.of("politics", 7, "sport", 1)::get, ru(3, false));
        assertThat(counted).isEqualTo(full);
        assertThat(counted.get(0)).contains("и ещё 4 — /latest politics").doesNotContain("ещё 0");
        assertThat(counted).isNotEmpty().allSatisfy(RecordingReplier::assertValidHtml);
    }

    @Test
    void aCountBelowTheItemsGivenIsTakenAsTheirNumber() {
        List<RenderedItem> shown = rendered(item(1, "politics", 1, "A"), item(2, "politics", 2, "B"),
                item(3, "politics", 3, "C"));
        assertThat(composer.composeCounted(shown, slug -> 0, ru(2, false)).get(0)).endsWith("и ещё 1 — /latest politics");
        assertThat(composer.composeCounted(List.of(), slug -> 9, ru(2, false))).isEmpty();
    }
}
