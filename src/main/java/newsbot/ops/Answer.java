package newsbot.ops;

/** What the endpoint answers: a status, a content type, a small body and, for a 405, the methods allowed. */
record Answer(int status, String contentType, String body, String allow) {

    static final String TEXT = "text/plain; charset=utf-8";

    Answer(int status, String contentType, String body) {
        this(status, contentType, body, "GET, HEAD");
    }

    static Answer text(int status, String body) {
        return new Answer(status, TEXT, body);
    }

    /** 405 naming the methods the path takes. */
    static Answer only(String allow) {
        return new Answer(405, TEXT, allow + " only\n", allow);
    }
}
