package newsbot.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.ru.RussianLightStemmer;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Words to stems, the one morphology of the search index, {@code /search} queries and followed topics: a word in
 * Cyrillic goes through Lucene's Snowball Russian and light Russian stemmers, one in Latin letters through the
 * Snowball English (Porter2) stemmer, so «выборах» and «выборы», «Бишкеке» and «Бишкек», "elections" and
 * "election" meet on a common form. Thread-safe: stemmers hold state, so each call makes its own.
 */
public final class Morphology {

    /** More words than this only narrow a search to nothing and cost time. */
    static final int MAX_QUERY_WORDS = 8;
    /** No real word is longer; cutting keeps the index and expressions small. */
    static final int MAX_WORD_CHARS = 40;
    private static final CharArraySet RUSSIAN_STOP = RussianAnalyzer.getDefaultStopSet();
    private static final CharArraySet ENGLISH_STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    /**
     * Every form a word of {@code text} is indexed under, in text order: the Snowball stem, the light stem (case
     * endings only) and the word itself, each once per word. Snowball alone splits some names' forms
     * («Кыргызстан» and «Кыргызстана», «Баткен» and «Баткене»), the light stemmer alone misses verbs and short
     * words («Ош», «Оше»), and a surname's nominative is its other forms' stem («Жапаров», «Жапарова»): a query
     * word that meets any form of an indexed word finds it.
     */
    public List<String> indexTokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Stemmers stemmers = new Stemmers();
        for (String word : words(text)) {
            out.addAll(stemmers.forms(word));
        }
        return out;
    }

    /** An article's distinct forms are a few hundred; a pathological summary must not make a huge IN list. */
    public static final int MAX_ARTICLE_FORMS = 2000;

    /**
     * The distinct forms of an article's title and summary, title first, at most {@link #MAX_ARTICLE_FORMS}: what
     * followed topics and muted phrases are matched against.
     */
    public java.util.Set<String> articleForms(String title, String summary) {
        java.util.Set<String> forms = new java.util.LinkedHashSet<>(indexTokens(title));
        forms.addAll(indexTokens(summary));
        if (forms.size() > MAX_ARTICLE_FORMS) {
            forms = new java.util.LinkedHashSet<>(List.copyOf(forms).subList(0, MAX_ARTICLE_FORMS));
        }
        return forms;
    }

    /** {@link #indexTokens} joined by spaces: the stemmed form kept in the FTS5 index. */
    public String indexForm(String text) {
        return String.join(" ", indexTokens(text));
    }

    /**
     * What a reader's query or followed phrase requires: per distinct word, at most {@link #MAX_QUERY_WORDS}, the
     * forms of which one must be found. Prepositions and other stop words («в», «и», "the") are dropped unless
     * nothing else is left, so «курс доллара в Бишкеке» needs the three words that carry meaning.
     */
    public List<List<String>> queryTerms(String text) {
        if (text == null) {
            return List.of();
        }
        List<String> words = words(text);
        List<String> meaningful = new ArrayList<>();
        for (String w : words) {
            if (!RUSSIAN_STOP.contains(w) && !ENGLISH_STOP.contains(w)) {
                meaningful.add(w);
            }
        }
        Stemmers stemmers = new Stemmers();
        // Two forms of one word («доллар доллара») are one term: keyed by the first form, the stem.
        Map<String, List<String>> terms = new LinkedHashMap<>();
        for (String w : meaningful.isEmpty() ? words : meaningful) {
            List<String> forms = stemmers.forms(w);
            terms.putIfAbsent(forms.get(0), forms);
            if (terms.size() == MAX_QUERY_WORDS) {
                break;
            }
        }
        return List.copyOf(terms.values());
    }

    /** True when every term of {@code terms} has one of its forms among {@code tokens} (an article's). */
    public static boolean allFound(List<List<String>> terms, Set<String> tokens) {
        if (terms.isEmpty()) {
            return false;
        }
        for (List<String> forms : terms) {
            boolean found = false;
            for (String f : forms) {
                if (tokens.contains(f)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /**
     * Lower-cased words of letters, digits and combining marks; «ё» is «е», as most Russian texts write it. Marks
     * with no letter or digit are no word: folded (as both indexes fold) they are nothing, and PostgreSQL refuses
     * an empty lexeme in a query.
     */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean hasLetterOrDigit = false;
        int i = 0;
        while (i <= text.length()) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            if (isWordChar(cp)) {
                hasLetterOrDigit |= Character.isLetterOrDigit(cp);
                if (word.length() < MAX_WORD_CHARS) {
                    word.appendCodePoint(cp);
                }
            } else if (word.length() > 0) {
                if (hasLetterOrDigit) {
                    words.add(word.toString().toLowerCase(Locale.ROOT).replace('ё', 'е'));
                }
                word.setLength(0);
                hasLetterOrDigit = false;
            }
            i += Character.charCount(cp);
        }
        return words;
    }

    private static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** One text's stemmers, made on first use. */
    private static final class Stemmers {
        private final RussianLightStemmer light = new RussianLightStemmer();
        private SnowballStemmer russian;
        private SnowballStemmer english;

        /** The word's distinct forms: the Snowball stem, the light stem, and last the word itself. */
        List<String> forms(String word) {
            List<String> forms = new ArrayList<>(3);
            if (hasScript(word, Character.UnicodeScript.CYRILLIC)) {
                add(forms, snowball(russian != null ? russian : (russian = new RussianStemmer()), word));
                char[] chars = word.toCharArray();
                add(forms, new String(chars, 0, light.stem(chars, chars.length)));
            } else if (hasScript(word, Character.UnicodeScript.LATIN)) {
                add(forms, snowball(english != null ? english : (english = new EnglishStemmer()), word));
            }
            // The word as written comes last, always: queries may match it as a prefix.
            forms.remove(word);
            forms.add(word);
            return List.copyOf(forms);
        }

        private static String snowball(SnowballStemmer stemmer, String word) {
            stemmer.setCurrent(word);
            stemmer.stem();
            return stemmer.getCurrent();
        }

        private static void add(List<String> forms, String form) {
            if (!form.isEmpty() && !forms.contains(form)) {
                forms.add(form);
            }
        }

        private static boolean hasScript(String word, Character.UnicodeScript script) {
            return word.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == script);
        }
    }
}
