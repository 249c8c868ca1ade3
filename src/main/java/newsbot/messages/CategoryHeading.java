package newsbot.messages;

import newsbot.html.Limits;

/** A category as shown to readers: the config slug (also the {@code /latest} argument) and its localized name. */
public record CategoryHeading(String slug, String displayName) {

    static final int MAX_SLUG = 32;
    static final int MAX_NAME = 64;

    public CategoryHeading {
        slug = Limits.requireText("slug", slug, 1, MAX_SLUG);
        displayName = Limits.requireText("displayName", displayName, 1, MAX_NAME);
    }
}
