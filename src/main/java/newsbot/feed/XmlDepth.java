package newsbot.feed;

/**
 * A byte-level estimate of element nesting, run before Rome: JDOM checks ancestors on every insert, so a body
 * of 100,000 nested {@code <a>} tags (300 KB) costs minutes of CPU. Real feeds nest about ten levels deep.
 */
final class XmlDepth {

    private XmlDepth() {
    }

    /**
     * True if start tags nest deeper than {@code limit}. Comments, CDATA, processing instructions and
     * declarations are skipped, so HTML inside CDATA does not count. Works for ASCII-compatible charsets
     * (UTF-8, windows-1251); for others it answers false and leaves the decision to the parser.
     */
    static boolean exceeds(byte[] xml, int limit) {
        if (xml.length >= 2 && (xml[0] == 0 || xml[1] == 0 || (xml[0] & 0xFE) == 0xFE)) {
            return false;
        }
        int depth = 0;
        int i = 0;
        while (i < xml.length) {
            if (xml[i] != '<') {
                i++;
                continue;
            }
            if (startsWith(xml, i, "<!--")) {
                i = skipPast(xml, i + 4, "-->");
            } else if (startsWith(xml, i, "<![CDATA[")) {
                i = skipPast(xml, i + 9, "]]>");
            } else if (startsWith(xml, i, "<?")) {
                i = skipPast(xml, i + 2, "?>");
            } else if (startsWith(xml, i, "<!")) {
                i = skipPast(xml, i + 2, ">");
            } else if (startsWith(xml, i, "</")) {
                depth = Math.max(0, depth - 1);
                i = skipPast(xml, i + 2, ">");
            } else {
                int end = skipPast(xml, i + 1, ">");
                boolean selfClosing = end - 2 > i && xml[end - 2] == '/';
                if (!selfClosing && ++depth > limit) {
                    return true;
                }
                i = end;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] xml, int at, String prefix) {
        if (at + prefix.length() > xml.length) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (xml[at + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    // The index just after the next occurrence of the marker, or the end of the input.
    private static int skipPast(byte[] xml, int from, String marker) {
        for (int i = from; i <= xml.length - marker.length(); i++) {
            if (startsWith(xml, i, marker)) {
                return i + marker.length();
            }
        }
        return xml.length;
    }
}
