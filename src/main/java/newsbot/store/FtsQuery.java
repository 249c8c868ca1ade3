package newsbot.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what a reader typed into a safe FTS5 MATCH expression. Only letters, digits and combining marks survive;
 * every word becomes a quoted term (so AND, OR, NEAR, {@code *}, {@code "}, {@code -}, {@code :} and brackets are
 * never operators; the upper-case operator words are dropped) and words of two or more characters match as prefixes ({@code "эконом"*} finds
 * "экономика", "экономики"), since readers type stems and Russian inflects.
 */
public final class FtsQuery {

    /** More words than this only narrow a search to nothing and cost time. */
    static final int MAX_TERMS = 8;
    /** No real word is longer; cutting keeps the expression small. */
    static final int MAX_TERM_CHARS = 40;
    private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT", "NEAR");

    private FtsQuery() {
    }

    /** The MATCH expression, or empty when the text holds no word at all. Never throws. */
    public static Optional<String> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        List<String> terms = words(text);
        // Someone typing "rate OR bank" means an operator, not the word "or": all terms are required, so keeping
        // it would find nothing. Alone, it is searched for as a word.
        if (terms.size() > 1 && terms.removeIf(OPERATORS::contains) && terms.isEmpty()) {
            terms = words(text);
        }
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        for (String term : terms) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append('"').append(term).append('"');
            if (term.codePointCount(0, term.length()) >= 2) {
                out.append('*');
            }
        }
        return Optional.of(out.toString());
    }

    /** The distinct words of {@code text}, in order, at most {@link #MAX_TERMS}. */
    static List<String> words(String text) {
        List<String> terms = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i <= text.length()) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            if (isWordChar(cp)) {
                if (word.length() < MAX_TERM_CHARS) {
                    word.appendCodePoint(cp);
                }
            } else if (word.length() > 0) {
                String term = word.toString();
                if (!terms.contains(term)) {
                    terms.add(term);
                }
                word.setLength(0);
                if (terms.size() == MAX_TERMS) {
                    break;
                }
            }
            i += Character.charCount(cp);
        }
        return terms;
    }

    private static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }
}
