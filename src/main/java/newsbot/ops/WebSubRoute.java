package newsbot.ops;

import java.util.Optional;

/**
 * {@code /websub/<feed id>}: a hub's GET verifying a subscription (the challenge echoed only for what the bot asked),
 * and its POSTed content, taken only when signed with the subscription's secret.
 */
final class WebSubRoute implements Route {

    static final String PREFIX = "/websub/";

    private final WebSubHook hook;
    private final int maxBody;

    WebSubRoute(WebSubHook hook, int maxBody) {
        this.hook = hook;
        this.maxBody = maxBody;
    }

    @Override
    public boolean serves(String path) {
        return path.startsWith(PREFIX);
    }

    @Override
    public int maxBody(String method) {
        return method.equals("POST") ? maxBody : 0;
    }

    @Override
    public Answer answer(Request request) {
        String feedId = request.path().substring(PREFIX.length());
        if (request.method().equals("GET")) {
            Optional<String> challenge = hook.verify(feedId, request.query());
            return challenge.map(c -> new Answer(200, Answer.TEXT, c))
                    .orElseGet(() -> new Answer(404, Answer.TEXT, "no such subscription\n"));
        }
        if (!request.method().equals("POST")) {
            return Answer.only("GET, POST");
        }
        WebSubHook.Delivery delivery = hook.deliver(feedId, request.header("x-hub-signature").orElse(""),
                request.header("content-type").orElse(""), request.body());
        return switch (delivery) {
            case ACCEPTED -> new Answer(202, Answer.TEXT, "accepted\n");
            case UNKNOWN_FEED -> new Answer(404, Answer.TEXT, "no such subscription\n");
            case REFUSED -> new Answer(403, Answer.TEXT, "signature missing or wrong\n");
            case STANDBY -> new Answer(503, Answer.TEXT, "standby instance, try again\n");
        };
    }
}
