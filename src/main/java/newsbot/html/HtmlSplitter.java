package newsbot.html;

import java.util.ArrayList;
import java.util.List;
import newsbot.html.HtmlTokens.Kind;
import newsbot.html.HtmlTokens.Token;

/**
 * Splits Telegram HTML into parts of at most {@code maxLen} UTF-16 units, each valid on its own: tags open at a
 * cut are closed at the end of the part and reopened (same attributes) at the start of the next, and the added
 * tags count against the limit. Lengths are measured on the HTML source, a safe upper bound of what Telegram
 * counts (the text after entity parsing).
 */
final class HtmlSplitter {

    /** Where a part may end, best first. */
    private enum Boundary { PARAGRAPH, LINE, WORD }

    /** A possible cut: the part is tokens [start, cut), the next part resumes at {@code resume}. */
    private record Cut(int cut, int resume, List<Token> openAtCut, int length) {
    }

    private final List<Token> tokens;
    private final int maxLen;

    private HtmlSplitter(List<Token> tokens, int maxLen) {
        this.tokens = tokens;
        this.maxLen = maxLen;
    }

    static List<String> split(String html, int maxLen) {
        if (maxLen < 1) {
            throw new IllegalArgumentException("maxLen must be positive: " + maxLen);
        }
        if (html.length() <= maxLen) {
            return List.of(html);
        }
        return new HtmlSplitter(HtmlTokens.tokenize(html), maxLen).split();
    }

    private List<String> split() {
        List<String> parts = new ArrayList<>();
        List<Token> open = new ArrayList<>();
        int start = 0;
        while (start < tokens.size()) {
            Cut cut = nextCut(start, open);
            String part = render(open, start, cut);
            // A part with nothing visible (only tags or whitespace left over) would be an empty message.
            if (hasVisible(start, cut.cut())) {
                parts.add(part);
            }
            open = new ArrayList<>(cut.openAtCut());
            start = cut.resume();
            // A tag closed right at the start of the next part need not be reopened there.
            while (start < tokens.size() && tokens.get(start).kind() == Kind.CLOSE && !open.isEmpty()
                    && open.get(open.size() - 1).name().equals(tokens.get(start).name())) {
                open.remove(open.size() - 1);
                start++;
            }
        }
        return parts;
    }

    private Cut nextCut(int start, List<Token> openAtStart) {
        List<Token> open = new ArrayList<>(openAtStart);
        int length = tagsLength(open);
        boolean visible = false;
        Cut[] best = new Cut[Boundary.values().length];
        int i = start;
        for (; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            Boundary boundary = visible ? boundaryAt(i) : null;
            if (boundary != null) {
                // Fits: the state before this token passed the check below (or is the part's start).
                best[boundary.ordinal()] = new Cut(i, resumeAfter(i, boundary), List.copyOf(open),
                        length + closersLength(open));
            }
            List<Token> after = apply(open, token);
            int newLength = length + token.text().length();
            if (newLength + closersLength(after) > maxLen) {
                break;
            }
            open = after;
            length = newLength;
            visible |= token.isVisible();
        }
        if (i == tokens.size()) {
            return new Cut(i, i, List.copyOf(open), length + closersLength(open));
        }
        Cut chosen = choose(best);
        if (chosen != null) {
            return chosen;
        }
        if (i == start) {
            // Not even one token fits next to the reopened tags (maxLen absurdly small): take it anyway.
            List<Token> after = apply(open, tokens.get(i));
            return new Cut(i + 1, i + 1, List.copyOf(after), 0);
        }
        return new Cut(i, i, List.copyOf(open), length + closersLength(open));
    }

    /** The best boundary that still fills at least half a part; failing that, the best one at all. */
    private Cut choose(Cut[] best) {
        for (Cut cut : best) {
            if (cut != null && cut.length() * 2 >= maxLen) {
                return cut;
            }
        }
        for (Cut cut : best) {
            if (cut != null) {
                return cut;
            }
        }
        return null;
    }

    private Boundary boundaryAt(int i) {
        Token token = tokens.get(i);
        if (token.isChar('\n')) {
            return i + 1 < tokens.size() && tokens.get(i + 1).isChar('\n') ? Boundary.PARAGRAPH : Boundary.LINE;
        }
        return token.isChar(' ') ? Boundary.WORD : null;
    }

    /** The separator is dropped at a cut: a message does not start or end with blank lines or spaces. */
    private int resumeAfter(int i, Boundary boundary) {
        char separator = boundary == Boundary.WORD ? ' ' : '\n';
        int j = i + 1;
        while (j < tokens.size() && tokens.get(j).isChar(separator)) {
            j++;
        }
        return j;
    }

    private static List<Token> apply(List<Token> open, Token token) {
        if (token.kind() == Kind.OPEN) {
            List<Token> after = new ArrayList<>(open);
            after.add(token);
            return after;
        }
        if (token.kind() == Kind.CLOSE) {
            for (int k = open.size() - 1; k >= 0; k--) {
                if (open.get(k).name().equals(token.name())) {
                    List<Token> after = new ArrayList<>(open.subList(0, k));
                    return after;
                }
            }
        }
        return open;
    }

    private String render(List<Token> openAtStart, int start, Cut cut) {
        List<Token> open = cut.openAtCut();
        // Tags opened just before the cut would be empty here; the next part reopens them anyway.
        int end = cut.cut();
        int keep = open.size();
        while (end > start && keep > 0 && tokens.get(end - 1).kind() == Kind.OPEN
                && tokens.get(end - 1) == open.get(keep - 1)) {
            end--;
            keep--;
        }
        StringBuilder out = new StringBuilder(maxLen);
        openAtStart.forEach(tag -> out.append(tag.text()));
        for (int k = start; k < end; k++) {
            out.append(tokens.get(k).text());
        }
        for (int k = keep - 1; k >= 0; k--) {
            out.append("</").append(open.get(k).name()).append('>');
        }
        return out.toString();
    }

    private boolean hasVisible(int from, int to) {
        for (int k = from; k < to; k++) {
            if (tokens.get(k).isVisible()) {
                return true;
            }
        }
        return false;
    }

    private static int tagsLength(List<Token> open) {
        int length = 0;
        for (Token tag : open) {
            length += tag.text().length();
        }
        return length;
    }

    private static int closersLength(List<Token> open) {
        int length = 0;
        for (Token tag : open) {
            length += tag.name().length() + 3;
        }
        return length;
    }
}
