package newsbot.telegram;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Makes every answer that is not the Bot API's own (a proxy's HTML error page, an empty body, a 200 from a captive
 * portal) read as a Bot API error with its HTTP status. After this, the only answers the client can fail to parse
 * are Bot API answers it does not understand, and {@link OutcomeMapper} can tell "Telegram took it, the answer was
 * unreadable" (never send it again) from "something in between failed" (send it again later).
 */
final class BotApiAnswers implements Interceptor {

    private static final MediaType JSON = MediaType.get("application/json");
    /** Bot API answers open with {"ok":…; a few characters of slack for white space and field order. */
    private static final int LOOK_AHEAD = 64;

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        if (body == null) {
            return replaced(response, "an empty answer");
        }
        String head = response.peekBody(LOOK_AHEAD).string().stripLeading();
        if (head.startsWith("{") && head.contains("\"ok\"")) {
            return response;
        }
        return replaced(response, "an answer that is not the Bot API's");
    }

    private static Response replaced(Response response, String what) {
        int status = response.isSuccessful() ? 502 : response.code();
        String json = "{\"ok\":false,\"error_code\":" + status + ",\"description\":\"HTTP " + response.code() + ": "
                + what + "\"}";
        response.close();
        return response.newBuilder()
                .code(status)
                .body(ResponseBody.create(json, JSON))
                .build();
    }
}
