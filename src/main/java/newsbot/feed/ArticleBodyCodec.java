package newsbot.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link ArticleBody} to and from the compact JSON kept in the database. Reading is forgiving: a block it does
 * not know (written by a newer version) is skipped, and unreadable text is an empty body, never an exception.
 */
public final class ArticleBodyCodec {

    private static final int VERSION = 1;
    private static final String PARAGRAPH = "p";
    private static final String HEADING = "h";
    private static final String QUOTE = "q";
    private static final String BULLETED = "ul";
    private static final String NUMBERED = "ol";
    private static final String IMAGE = "img";

    private final ObjectMapper json = new ObjectMapper();

    /** The body as JSON; the empty body is the empty string. */
    public String encode(ArticleBody body) {
        if (body.isEmpty()) {
            return "";
        }
        ObjectNode root = json.createObjectNode();
        root.put("v", VERSION);
        ArrayNode blocks = root.putArray("b");
        for (Block block : body.blocks()) {
            ObjectNode node = blocks.addObject();
            // Java 17 has no pattern switch: the chain ends in an error so a new block kind cannot pass unnoticed.
            if (block instanceof Block.Paragraph p) {
                runs(node.put("t", PARAGRAPH).putArray("x"), p.text());
            } else if (block instanceof Block.Heading h) {
                runs(node.put("t", HEADING).putArray("x"), h.text());
            } else if (block instanceof Block.Quote q) {
                runs(node.put("t", QUOTE).putArray("x"), q.text());
            } else if (block instanceof Block.Items list) {
                node.put("t", list.style() == Block.ListStyle.NUMBERED ? NUMBERED : BULLETED);
                ArrayNode items = node.putArray("i");
                list.items().forEach(item -> runs(items.addArray(), item));
            } else if (block instanceof Block.Image image) {
                node.put("t", IMAGE).put("u", image.url()).put("c", image.caption());
            } else {
                throw new IllegalStateException("unknown block " + block.getClass());
            }
        }
        try {
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serializes", e);
        }
    }

    /** The body stored as {@code text}; empty for null, blank or unreadable text. */
    public ArticleBody decode(String text) {
        if (text == null || text.isBlank()) {
            return ArticleBody.EMPTY;
        }
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            return ArticleBody.EMPTY;
        }
        List<Block> blocks = new ArrayList<>();
        for (JsonNode node : root.path("b")) {
            block(node).ifPresent(blocks::add);
        }
        return new ArticleBody(blocks);
    }

    private static Optional<Block> block(JsonNode node) {
        return switch (node.path("t").asText()) {
            case PARAGRAPH -> Optional.of(new Block.Paragraph(runs(node.path("x"))));
            case HEADING -> Optional.of(new Block.Heading(runs(node.path("x"))));
            case QUOTE -> Optional.of(new Block.Quote(runs(node.path("x"))));
            case BULLETED -> Optional.of(new Block.Items(Block.ListStyle.BULLETED, items(node.path("i"))));
            case NUMBERED -> Optional.of(new Block.Items(Block.ListStyle.NUMBERED, items(node.path("i"))));
            case IMAGE -> node.path("u").isTextual()
                    ? Optional.of(new Block.Image(node.path("u").asText(), node.path("c").asText("")))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static List<List<Inline>> items(JsonNode array) {
        List<List<Inline>> items = new ArrayList<>();
        array.forEach(item -> items.add(runs(item)));
        return items;
    }

    // A run is ["text"] or ["text", "url"]: short, and the common case (plain text) costs one string.
    private static void runs(ArrayNode array, List<Inline> runs) {
        for (Inline run : runs) {
            ArrayNode pair = array.addArray().add(run.text());
            if (run instanceof Inline.Link link) {
                pair.add(link.url());
            }
        }
    }

    private static List<Inline> runs(JsonNode array) {
        List<Inline> runs = new ArrayList<>();
        for (JsonNode pair : array) {
            String text = pair.path(0).asText("");
            runs.add(pair.has(1) ? new Inline.Link(text, pair.path(1).asText()) : new Inline.Text(text));
        }
        return runs;
    }
}
