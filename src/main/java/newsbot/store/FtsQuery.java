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

    private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile("\"([^\"]*)\"(\\*?)");

    /**
     * The PostgreSQL tsquery for a MATCH expression of {@link #of}: the same forms, prefixes and groups, written
     * {@code ('выбор' | 'выборах':*) & 'ош'}. The expression's grammar is ours (quoted forms of letters and
     * digits, AND, OR, brackets), so the translation is exact.
     */
    static String toTsQuery(String match) {
        java.util.regex.Matcher m = FORM.matcher(match);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(match, last, m.start()).append('\'').append(fold(m.group(1))).append('\'');
            if (!m.group(2).isEmpty()) {
                out.append(":*");
            }
            last = m.end();
        }
        out.append(match.substring(last));
        return out.toString().replace(" AND ", " & ").replace(" OR ", " | ");
    }

    /**
     * Letters without their diacritics («й» is «и», "é" is "e"), as SQLite's {@code remove_diacritics 2} folds
     * them in FTS5: PostgreSQL's index and queries are folded alike, so both match the same words.
     */
    static String fold(String text) {
        String decomposed = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK)
                .forEach(out::appendCodePoint);
        return java.text.Normalizer.normalize(out, java.text.Normalizer.Form.NFC);
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
