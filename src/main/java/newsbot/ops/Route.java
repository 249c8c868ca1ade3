package newsbot.ops;

/** A route of the operators' endpoint beyond {@code /health} and {@code /metrics}: push and WebSub. */
interface Route {

    /** Whether this route serves {@code path} (the part before any query). */
    boolean serves(String path);

    /**
     * The most body this route reads for {@code method}; a larger request is refused with 413 before it is read.
     * 0: the body is not wanted (it is read and dropped, up to {@link OpsServer#DROPPED_BODY}).
     */
    int maxBody(String method);

    Answer answer(Request request);
}
