package newsbot.store;

/**
 * Which active readers a broadcast goes to: everyone, the subscribers of one category, or one language.
 *
 * @param category a category slug, or {@code null}
 * @param language {@code ru} or {@code en}, or {@code null}
 */
public record AudienceFilter(String category, String language) {

    public static final AudienceFilter ALL = new AudienceFilter(null, null);
}
