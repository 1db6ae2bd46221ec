package newsroom.core.config;

/** Configuration that cannot be used; the message names the offending key or variable and what was expected. */
public class InvalidConfigurationException extends RuntimeException {
    public InvalidConfigurationException(String message) {
        super(message);
    }
}
