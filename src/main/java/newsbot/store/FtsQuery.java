package newsbot.store;

import java.util.List;
import java.util.Optional;

/**
 * Turns what a reader typed into a safe FTS5 MATCH expression over the stemmed index. Every word becomes a group
 * of quoted forms from {@link Morphology} ({@code ("выбор" OR "выборах"*)}), so any inflected form finds the
 * others; all groups are required. Only letters, digits and combining marks survive, so AND, OR, NEAR,
 * {@code *}, {@code "}, {@code -}, {@code :} and brackets are never operators. A word of four or more characters
 * also matches as typed as a prefix ({@code эконом} finds «экономика»): readers still type the start of a word.
 */
public final class FtsQuery {

    /** Shorter words match whole only: «Ош» must not find «ошибка». */
    static final int MIN_PREFIX_CHARS = 4;
    private static final Morphology MORPHOLOGY = new Morphology();

    private FtsQuery() {
    }

    /** The MATCH expression, or empty when the text holds no word at all. Never throws. */
    public static Optional<String> of(String text) {
        List<List<String>> terms = MORPHOLOGY.queryTerms(text);
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        for (List<String> forms : terms) {
            if (out.length() > 0) {
                // explicit: FTS5 refuses some implicit ANDs between bracketed groups
                out.append(" AND ");
            }
            if (forms.size() > 1) {
                out.append('(');
            }
            for (int i = 0; i < forms.size(); i++) {
                String form = forms.get(i);
                out.append(i == 0 ? "" : " OR ").append('"').append(form).append('"');
                // the last form is the word as typed
                if (i == forms.size() - 1 && form.codePointCount(0, form.length()) >= MIN_PREFIX_CHARS) {
                    out.append('*');
                }
            }
            if (forms.size() > 1) {
                out.append(')');
            }
        }
        return Optional.of(out.toString());
    }
}
