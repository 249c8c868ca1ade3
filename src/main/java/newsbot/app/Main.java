package newsbot.app;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import newsbot.config.BotConfig;
import newsbot.config.ConfigException;
import newsbot.config.ConfigLoader;
import newsbot.store.Database;
import newsbot.store.StoreException;
import newsbot.telegram.RedactingPatternLayout;
import newsbot.telegram.TokenRedactor;

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
        String environmentToken = environment.get(ConfigLoader.environmentName("telegram.token"));
        RedactingPatternLayout.registerToken(environmentToken);
        TokenRedactor redactor = new TokenRedactor(environmentToken);
        // check, preview and backup never talk to Telegram, so they neither need nor read the token
        boolean offline = !cli.command().equals("run");
        BotConfig config;
        try {
            ConfigLoader loader = new ConfigLoader(withTarget(environment, cli));
            config = (offline ? loader.withoutToken() : loader).load(cli.config());
        } catch (ConfigException e) {
            return failed("config error: " + e.getMessage(), redactor);
        } catch (RuntimeException e) {
            return failed("config error: " + describe(e), redactor);
        }
        RedactingPatternLayout.registerToken(config.telegram().token());
        config.telegram().proxy().ifPresent(p -> RedactingPatternLayout.registerSecret(p.password()));
        config.postgres().ifPresent(p -> RedactingPatternLayout.registerSecret(p.password()));
        config.newsroom().push().ifPresent(RedactingPatternLayout::registerSecret);
        java.util.List<String> secrets = new java.util.ArrayList<>();
        config.telegram().proxy().ifPresent(p -> secrets.add(p.password()));
        config.postgres().ifPresent(p -> secrets.add(p.password()));
        config.newsroom().push().ifPresent(secrets::add);
        redactor = new TokenRedactor(config.telegram().token(), secrets);
        try {
            return switch (cli.command()) {
                case "check" -> new FeedCheck(config, out).run();
                case "preview" -> new DigestPreview(config, out, cli.categories(), cli.language()).run();
                case "backup" -> backup(config, cli.backupTo());
                case "migrate-db" -> new MigrateDb(config, out).run();
                default -> Application.runUntilStopped(config);
            };
        } catch (ConfigException e) {
            return failed("config error: " + e.getMessage(), redactor);
        } catch (StoreException e) {
            return failed("database error: " + e.getMessage(), redactor);
        } catch (RuntimeException | LinkageError e) {
            // Anything else that stops start-up (Telegram unreachable, a port, a library): still one line, exit 2.
            return failed("start-up error: " + describe(e), redactor);
        }
    }

    /**
     * For {@code migrate-db}, {@code --to} is {@code db.url} (over the file and the environment): the target is then
     * reached as {@code db.user} with {@code db.password} ({@code NEWSBOT_DB_PASSWORD}), like a pair's instance.
     */
    private static Map<String, String> withTarget(Map<String, String> environment, CliArgs cli) {
        if (cli.migrateTo() == null) {
            return environment;
        }
        Map<String, String> withUrl = new HashMap<>(environment);
        withUrl.put(ConfigLoader.environmentName("db.url"), cli.migrateTo());
        return withUrl;
    }

    /** A consistent copy of the live database, safe while the bot runs (see README, "Backup and restore"). */
    private int backup(BotConfig config, java.nio.file.Path to) {
        long started = System.nanoTime();
        Database.backup(config.dbPath(), to);
        out.printf("backup of %s written to %s in %d ms%n", config.dbPath(), to,
                (System.nanoTime() - started) / 1_000_000);
        return OK;
    }

    private int failed(String message, TokenRedactor redactor) {
        err.println(redactor.redact(oneLine(message)));
        return BAD_SETUP;
    }

    /** The exception's message with its causes', so "cannot start long polling" also says why. */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
