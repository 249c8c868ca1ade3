package newsbot.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The bot as a separate JVM (same classpath as the tests), for exit codes, signals and everything it prints. */
final class ChildProcess {

    private final Process process;
    private final Path output;

    private ChildProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static ChildProcess start(Path dir, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1",
                // the production logging setup, not the quieter one the test classpath would pick first
                "-Dlogback.configurationFile=" + Path.of("target/classes/logback.xml").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"),
                "newsbot.app.Main"));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(dir, "child", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).directory(dir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("NEWSBOT_"));
        builder.environment().putAll(environment);
        return new ChildProcess(builder.start(), output);
    }

    /** Waits for the exit code; -1 if it did not exit in time (then it is killed). */
    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return -1;
        }
        return process.exitValue();
    }

    /** SIGTERM, as a service manager would send. */
    void terminate() {
        process.destroy();
    }

    void kill() {
        process.destroyForcibly();
    }

    String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    boolean outputContains(String text) throws IOException {
        return output().contains(text);
    }
}
