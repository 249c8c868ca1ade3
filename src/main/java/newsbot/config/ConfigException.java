package newsbot.config;

/** A configuration value is missing or wrong; the message names the key and says what is wrong in one line. */
public final class ConfigException extends RuntimeException {

    private final String key;

    public ConfigException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
