package newsbot.admin;

/**
 * Which instance of a pair runs the bot now, for {@code /stats}: its {@code instance.name} and how many times the
 * lease has been taken so far (1 for the first start; every takeover or restart after a clean stop adds one).
 */
public record ActiveInstance(String name, long leaseTaken) {
}
