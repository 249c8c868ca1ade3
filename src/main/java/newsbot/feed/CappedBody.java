package newsbot.feed;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.zip.GZIPInputStream;

/** Response bodies read with a hard size cap, so a hostile server can never make the bot buffer more. */
final class CappedBody {

    /** Signals that a body went over the cap; the fetcher maps it to {@link FeedError.TooLarge}. */
    static final class TooLargeException extends IOException {
        TooLargeException(long limit) {
            super("body exceeds " + limit + " bytes");
        }
    }

    private CappedBody() {
    }

    /** Collects at most {@code limit} bytes and fails with {@link TooLargeException} beyond that. */
    static BodySubscriber<byte[]> upTo(long limit) {
        return new Collector(Mode.COLLECT, limit);
    }

    /** Reads no body at all (304, redirects, errors): cancelling frees the connection at once. */
    static BodySubscriber<byte[]> none() {
        return new Collector(Mode.SKIP, 0);
    }

    /** Fails with {@link TooLargeException} without reading: the declared Content-Length is already too big. */
    static BodySubscriber<byte[]> refused(long limit) {
        return new Collector(Mode.REFUSE, limit);
    }

    /** Decompresses gzip, stopping as soon as the output passes {@code limit}: a gzip bomb costs nothing. */
    static byte[] gunzip(byte[] compressed, long limit) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(compressed.length * 4, 1 << 20));
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > limit) {
                    throw new TooLargeException(limit);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private enum Mode { COLLECT, SKIP, REFUSE }

    // The HttpClient signals a subscriber serially (Flow rules), so plain fields are enough here.
    private static final class Collector implements BodySubscriber<byte[]> {
        private final Mode mode;
        private final long limit;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private Flow.Subscription subscription;
        private long received;

        Collector(Mode mode, long limit) {
            this.mode = mode;
            this.limit = limit;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            switch (mode) {
                case COLLECT -> s.request(1);
                case SKIP -> {
                    s.cancel();
                    result.complete(new byte[0]);
                }
                case REFUSE -> {
                    s.cancel();
                    result.completeExceptionally(new TooLargeException(limit));
                }
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                received += buffer.remaining();
                if (received > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLargeException(limit));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }
    }
}
