package newsbot.telegram;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches getUpdates answers and tells the operator in plain words what is wrong, once per change of state:
 * telegrambots itself only logs a stack trace per failed poll, and a 409 (two instances on one token) or a 401
 * (a revoked token) would otherwise go unexplained.
 */
final class PollingWatch implements Interceptor {

    private static final Logger LOG = LoggerFactory.getLogger(PollingWatch.class);

    private final AtomicReference<String> state = new AtomicReference<>("ok");
    private final Clock clock;
    private volatile Instant lastAnswer;
    private volatile Instant lastOk;

    PollingWatch(Clock clock) {
        this.clock = clock;
    }

    PollingStatus status() {
        return new PollingStatus(Optional.ofNullable(lastAnswer), Optional.ofNullable(lastOk), state.get());
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        boolean polling = chain.request().url().encodedPath().toLowerCase(Locale.ROOT).endsWith("/getupdates");
        if (!polling) {
            return chain.proceed(chain.request());
        }
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException e) {
            if (!chain.call().isCanceled()) {
                change("unreachable", "cannot reach the Telegram Bot API: " + e.getClass().getSimpleName()
                        + "; retrying with backoff");
            }
            throw e;
        }
        lastAnswer = clock.instant();
        switch (response.code()) {
            case 200 -> {
                lastOk = lastAnswer;
                change("ok", null);
            }
            case 409 -> change("conflict", "another process is polling updates with this bot token (409 Conflict): "
                    + "only one instance may run; stop the other one");
            case 401, 404 -> change("unauthorized", "Telegram rejects the bot token (" + response.code()
                    + "): check telegram.token");
            default -> change("status-" + response.code(), "getUpdates answered HTTP " + response.code()
                    + "; retrying with backoff");
        }
        return response;
    }

    private void change(String newState, String message) {
        String old = state.getAndSet(newState);
        if (old.equals(newState)) {
            return;
        }
        if (message == null) {
            LOG.info("polling Telegram works again");
        } else {
            LOG.warn(message);
        }
    }
}
