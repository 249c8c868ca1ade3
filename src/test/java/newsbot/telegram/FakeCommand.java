package newsbot.telegram;

/** One entry of a setMyCommands list. */
public record FakeCommand(String command, String description) {
}
