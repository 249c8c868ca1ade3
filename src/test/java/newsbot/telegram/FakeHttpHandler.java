package newsbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** HTTP side of the fake: {@code /bot<token>/<method>} routing, injected faults, answers and the request log. */
final class FakeHttpHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FakeHttpHandler.class);
    private static final String BAD_GATEWAY_PAGE = "<html>\r\n<head><title>%1$d Bad Gateway</title></head>\r\n"
            + "<body>\r\n<center><h1>%1$d Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
            + "</body>\r\n</html>\r\n";

    /** What to do with an exchange once the request is handled. */
    private record Answer(int status, String contentType, byte[] body) {
        static final Answer DROP = new Answer(0, null, null);
    }

    private final String token;
    private final FakeMethods methods;
    private final FakeFaults faults;
    private final FakeState state;
    private final FakeJson json;
    private final LongSupplier nanoClock;

    FakeHttpHandler(String token, FakeMethods methods, FakeFaults faults, FakeState state, FakeJson json,
                    LongSupplier nanoClock) {
        this.token = token;
        this.methods = methods;
        this.faults = faults;
        this.state = state;
        this.json = json;
        this.nanoClock = nanoClock;
    }

    @Override
    public void handle(HttpExchange exchange) {
        boolean open = state.locked(() -> {
            state.inFlight++;
            return !state.closed;
        });
        try {
            if (open) {
                handleOpen(exchange);
            } else {
                send(exchange, Answer.DROP);
            }
        } finally {
            state.update(() -> state.inFlight--);
        }
    }

    private void handleOpen(HttpExchange exchange) {
        long at = nanoClock.getAsLong();
        String[] method = {"?"};
        Answer answer;
        try {
            answer = answer(exchange, method);
        } catch (FakeApiError e) {
            answer = jsonAnswer(e.code, json.error(e));
        } catch (RuntimeException | IOException e) {
            LOG.error("FakeBotApi failed on {}", method[0], e);
            answer = jsonAnswer(500, json.error(new FakeApiError(500, "Internal Server Error", null, null)));
        }
        // Logged before answering, so a test that got the answer also sees the call.
        FakeCall call = new FakeCall(method[0], at, answer.status());
        state.update(() -> state.calls.add(call));
        LOG.debug("FakeBotApi {} -> {}", method[0], answer.status() == 0 ? "dropped" : answer.status());
        send(exchange, answer);
    }

    private Answer answer(HttpExchange exchange, String[] method) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String[] segments = exchange.getRequestURI().getRawPath().split("/");
        if (segments.length < 3 || !segments[1].startsWith("bot")) {
            return jsonAnswer(404, json.error(new FakeApiError(404, "Not Found", null, null)));
        }
        if (!segments[1].substring(3).equals(token)) {
            return jsonAnswer(401, json.error(new FakeApiError(401, "Unauthorized", null, null)));
        }
        String requested = segments[segments.length - 1];
        String canonical = FakeMethods.canonical(requested);
        method[0] = canonical != null ? canonical : requested;
        if (canonical == null) {
            return jsonAnswer(404, json.error(new FakeApiError(404, "Not Found", null, null)));
        }
        Optional<FakeFaults.Fault> fault = faults.next(canonical);
        if (fault.isPresent() && fault.get().kind() == FakeFaults.Kind.DROP) {
            return Answer.DROP;
        }
        if (fault.isPresent() && fault.get().kind() == FakeFaults.Kind.STATUS) {
            return statusAnswer(fault.get().status());
        }
        if (fault.isPresent() && fault.get().kind() == FakeFaults.Kind.ECHO_PATH) {
            return jsonAnswer(400, json.error(new FakeApiError(400,
                    "Bad Request: no route for " + exchange.getRequestURI().getRawPath(), null, null)));
        }
        Duration delay = faults.delayFor(canonical);
        if (!delay.isZero() && !state.pause(delay)) {
            return Answer.DROP;
        }
        FakeRequest request = FakeRequest.parse(exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestURI().getRawQuery(), body, json.mapper);
        JsonNode result = methods.handle(canonical, request);
        if (fault.isPresent() && fault.get().kind() == FakeFaults.Kind.DELIVER_THEN_DROP) {
            return Answer.DROP;
        }
        if (fault.isPresent() && fault.get().kind() == FakeFaults.Kind.DELIVER_UNREADABLE
                && result instanceof com.fasterxml.jackson.databind.node.ObjectNode object && object.has("message_id")) {
            object.put("message_id", (1L << 33) + object.get("message_id").asLong());
        }
        return jsonAnswer(200, json.ok(result));
    }

    private Answer statusAnswer(int status) {
        if (status == 502 || status == 503 || status == 504) {
            // What a proxy in front of the Bot API answers: not JSON at all.
            return new Answer(status, "text/html",
                    String.format(BAD_GATEWAY_PAGE, status).getBytes(StandardCharsets.UTF_8));
        }
        if (status == 429) {
            return jsonAnswer(429, json.error(FakeApiError.tooManyRequests(1)));
        }
        String description = status >= 500 ? "Internal Server Error" : "Injected error " + status;
        return jsonAnswer(status, json.error(new FakeApiError(status, description, null, null)));
    }

    private Answer jsonAnswer(int status, JsonNode node) {
        return new Answer(status, "application/json", json.write(node).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, Answer answer) {
        if (answer.status() == 0) {
            // Closing before sendResponseHeaders makes the JDK server drop the connection: no status line at all.
            exchange.close();
            return;
        }
        try {
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        } catch (IOException e) {
            LOG.debug("FakeBotApi could not answer: the client is gone", e);
        } finally {
            exchange.close();
        }
    }
}
