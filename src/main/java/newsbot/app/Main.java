package newsbot.app;

import java.io.PrintStream;
import java.util.Map;
import newsbot.config.BotConfig;
import newsbot.config.ConfigException;
import newsbot.config.ConfigLoader;
import newsbot.store.StoreException;
import newsbot.telegram.RedactingPatternLayout;

/** Entry point: parses the command line, loads the configuration and runs the chosen command. */
public final class Main {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_SETUP = 2;

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    Main(Map<String, String> environment, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int code = new Main(System.getenv(), System.out, System.err).run(args);
        System.exit(code);
    }

    int run(String[] args) {
        CliArgs cli;
        try {
            cli = CliArgs.parse(args);
        } catch (CliArgs.UsageException e) {
            if (!e.getMessage().isEmpty()) {
                err.println("error: " + e.getMessage());
            }
            err.println(CliArgs.USAGE);
            return e.getMessage().isEmpty() ? OK : BAD_SETUP;
        }
        RedactingPatternLayout.registerToken(environment.get(ConfigLoader.environmentName("telegram.token")));
        BotConfig config;
        try {
            config = new ConfigLoader(environment).load(cli.config());
        } catch (ConfigException e) {
            err.println("config error: " + e.getMessage());
            return BAD_SETUP;
        }
        RedactingPatternLayout.registerToken(config.telegram().token());
        try {
            return switch (cli.command()) {
                case "check" -> new FeedCheck(config, out).run();
                case "preview" -> new DigestPreview(config, out, cli.categories(), cli.language()).run();
                default -> Application.runUntilStopped(config);
            };
        } catch (ConfigException e) {
            err.println("config error: " + e.getMessage());
            return BAD_SETUP;
        } catch (StoreException e) {
            err.println("database error: " + e.getMessage());
            return BAD_SETUP;
        }
    }
}
