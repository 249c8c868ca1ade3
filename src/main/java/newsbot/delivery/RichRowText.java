package newsbot.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import newsbot.html.RichDocument;

/**
 * A {@link Request.SendRich} in the outbox's text column: the document and its compact fallback as one JSON
 * object, so the row alone rebuilds the call (the article may change or go after it was composed).
 */
final class RichRowText {

    private static final String HEADING = "h";
    private static final String PARAGRAPH = "p";
    private static final String QUOTE = "q";
    private static final String ITEMS = "l";
    private static final String PHOTO = "img";
    private static final String FOOTER = "f";
    private static final String PLAIN = "t";
    private static final String BOLD = "b";
    private static final String LINK = "a";

    private final ObjectMapper json = new ObjectMapper();

    String encode(Request.SendRich rich) {
        ObjectNode root = json.createObjectNode();
        root.put("fallback", rich.html());
        ArrayNode blocks = root.putArray("blocks");
        for (RichDocument.Block block : rich.document().blocks()) {
            ObjectNode node = blocks.addObject();
            // Java 17 has no pattern switch: the chain ends in an error so a new block cannot pass unnoticed.
            if (block instanceof RichDocument.Heading h) {
                runs(node.put("k", HEADING).put("size", h.size()).putArray("x"), h.text());
            } else if (block instanceof RichDocument.Paragraph p) {
                runs(node.put("k", PARAGRAPH).putArray("x"), p.text());
            } else if (block instanceof RichDocument.Quote q) {
                runs(node.put("k", QUOTE).putArray("x"), q.text());
            } else if (block instanceof RichDocument.Footer f) {
                runs(node.put("k", FOOTER).putArray("x"), f.text());
            } else if (block instanceof RichDocument.Photo photo) {
                node.put("k", PHOTO).put("url", photo.url()).put("caption", photo.caption());
            } else if (block instanceof RichDocument.Items list) {
                node.put("k", ITEMS).put("numbers", list.marks() == RichDocument.Marks.NUMBERS);
                ArrayNode items = node.putArray("i");
                list.items().forEach(item -> runs(items.addArray(), item));
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

    /** The request this row's text holds; the row was written by {@link #encode}, so a bad one is a bug. */
    Request.SendRich decode(String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an unreadable rich row: " + e.getOriginalMessage(), e);
        }
        List<RichDocument.Block> blocks = new ArrayList<>();
        for (JsonNode node : root.path("blocks")) {
            blocks.add(switch (node.path("k").asText()) {
                case HEADING -> new RichDocument.Heading(node.path("size").asInt(), runs(node.path("x")));
                case PARAGRAPH -> new RichDocument.Paragraph(runs(node.path("x")));
                case QUOTE -> new RichDocument.Quote(runs(node.path("x")));
                case FOOTER -> new RichDocument.Footer(runs(node.path("x")));
                case PHOTO -> new RichDocument.Photo(node.path("url").asText(), node.path("caption").asText());
                case ITEMS -> {
                    List<List<RichDocument.Run>> items = new ArrayList<>();
                    node.path("i").forEach(item -> items.add(runs(item)));
                    yield new RichDocument.Items(node.path("numbers").asBoolean() ? RichDocument.Marks.NUMBERS
                            : RichDocument.Marks.BULLETS, items);
                }
                default -> throw new IllegalStateException("unknown rich block " + node.path("k").asText());
            });
        }
        return new Request.SendRich(new RichDocument(blocks), root.path("fallback").asText());
    }

    private static void runs(ArrayNode out, List<RichDocument.Run> runs) {
        for (RichDocument.Run run : runs) {
            ObjectNode node = out.addObject().put("t", run.text());
            if (run instanceof RichDocument.Link link) {
                node.put("k", LINK).put("url", link.url());
            } else {
                node.put("k", run instanceof RichDocument.Bold ? BOLD : PLAIN);
            }
        }
    }

    private static List<RichDocument.Run> runs(JsonNode array) {
        List<RichDocument.Run> runs = new ArrayList<>();
        for (JsonNode node : array) {
            String text = node.path("t").asText();
            runs.add(switch (node.path("k").asText()) {
                case LINK -> new RichDocument.Link(text, node.path("url").asText());
                case BOLD -> new RichDocument.Bold(text);
                default -> new RichDocument.Plain(text);
            });
        }
        return runs;
    }
}
