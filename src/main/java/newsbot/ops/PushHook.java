package newsbot.ops;

/** What a push ping asks of the bot: poll a feed at once. Implemented by the application. */
public interface PushHook {

    /** What became of a ping with a valid token. */
    enum Ping {
        /** The feed is polled at once, or a poll of it already waiting takes this ping too. */
        ACCEPTED,
        UNKNOWN_FEED,
        /** The feed's pings come faster than the bot polls for them. */
        TOO_MANY,
        /** This instance of a pair is the standby: ask the active one. */
        STANDBY
    }

    Ping ping(String feedId);
}
