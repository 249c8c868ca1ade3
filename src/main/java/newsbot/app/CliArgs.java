package newsbot.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import newsbot.config.Languages;

/**
 * The command line: {@code [run|check|preview|backup] --config FILE [--categories a,b] [--lang ru|en|ky]
 * [--to FILE]}.
 *
 * @param categories for preview: the reader's categories (empty: all)
 * @param backupTo   for backup: the new file the copy goes to
 */
record CliArgs(String command, Path config, List<String> categories, String language, Path backupTo) {

    static final String USAGE = "usage: java -jar newsbot.jar [run|check|preview] --config FILE"
            + " [--categories slug,slug] [--lang ru|en|ky]\n"
            + "       java -jar newsbot.jar backup --config FILE --to FILE";

    static CliArgs parse(String[] args) {
        String command = "run";
        Path config = null;
        List<String> categories = new ArrayList<>();
        String language = Languages.DEFAULT;
        Path backupTo = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "run", "check", "preview", "backup" -> command = arg;
                case "--to" -> backupTo = Path.of(value(args, ++i, arg));
                case "--config", "-c" -> config = Path.of(value(args, ++i, arg));
                case "--categories" -> {
                    for (String slug : value(args, ++i, arg).split(",")) {
                        if (!slug.isBlank()) {
                            categories.add(slug.strip());
                        }
                    }
                }
                case "--lang" -> language = value(args, ++i, arg).toLowerCase(Locale.ROOT);
                case "--help", "-h" -> throw new UsageException("");
                default -> throw new UsageException("unknown argument '" + arg + "'");
            }
        }
        if (config == null) {
            throw new UsageException("--config FILE is required");
        }
        if (!Languages.isSupported(language)) {
            throw new UsageException("--lang must be one of " + String.join(", ", Languages.ALL));
        }
        if (command.equals("backup") != (backupTo != null)) {
            throw new UsageException(backupTo == null ? "backup needs --to FILE" : "--to belongs to backup only");
        }
        return new CliArgs(command, config, List.copyOf(categories), language, backupTo);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    /** The command line is wrong; the message says how. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
