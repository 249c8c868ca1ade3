package newsbot.store;

/** Whether an article's page must still be fetched for its picture and full text. */
public enum PageState {
    /** The feed carried the full text: the page is never fetched. */
    NOT_NEEDED,
    /** The feed carried only a summary: the page is fetched once, on the first reader's demand. */
    WANTED,
    /** The page was fetched and what it gave is stored. */
    FETCHED,
    /** Fetching failed; it is tried again after the stored time, and the reader gets the summary meanwhile. */
    FAILED
}
