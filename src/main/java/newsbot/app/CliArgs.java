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
record CliArgs(String command, Path config, List<String> categories, String language, Path backupTo,
               String migrateTo) {

    static final String USAGE = "usage: java -jar newsbot.jar [run|check|preview] --config FILE"
            + " [--categories slug,slug] [--lang ru|en|ky]\n"
            + "       java -jar newsbot.jar backup --config FILE --to FILE\n"
            + "       java -jar newsbot.jar migrate-db --config FILE --to jdbc:postgresql://host:5432/db";

    static CliArgs parse(String[] args) {
        String command = "run";
        Path config = null;
        List<String> categories = new ArrayList<>();
        String language = Languages.DEFAULT;
        String to = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "run", "check", "preview", "backup", "migrate-db" -> command = arg;
                case "--to" -> to = value(args, ++i, arg);
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
        boolean needsTo = command.equals("backup") || command.equals("migrate-db");
        if (needsTo != (to != null)) {
            throw new UsageException(to == null ? command + (command.equals("backup") ? " needs --to FILE"
                    : " needs --to jdbc:postgresql://host:5432/db")
                    : "--to belongs to backup and migrate-db only");
        }
        if (command.equals("migrate-db") && !to.startsWith("jdbc:postgresql://")) {
            throw new UsageException("migrate-db --to must be a jdbc:postgresql:// URL");
        }
        return new CliArgs(command, config, List.copyOf(categories), language,
                command.equals("backup") ? Path.of(to) : null, command.equals("migrate-db") ? to : null);
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
