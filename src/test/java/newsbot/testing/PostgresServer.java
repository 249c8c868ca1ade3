package newsbot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import newsbot.store.Database;

/**
 * A throw-away PostgreSQL server for the tests, started once per JVM on a free loopback port from the machine's
 * own PostgreSQL binaries ({@code pg_config --bindir}, Debian's postgresql package), in a temp directory, without
 * fsync. PostgreSQL refuses to run as root: when the tests run as root, its programs run as the {@code postgres}
 * user through {@code runuser}. Each test gets its own database, copied from a migrated template in milliseconds.
 */
public final class PostgresServer {

    public static final String USER = "newsbot";
    private static final String TEMPLATE = "newsbot_template";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;
    private final AtomicInteger databases = new AtomicInteger();
    private final List<Database> opened = new ArrayList<>();

    private PostgresServer(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** Started on first use, stopped when the JVM exits. */
    public static PostgresServer shared() {
        return Holder.SERVER;
    }

    private static final class Holder {
        static final PostgresServer SERVER = start();
    }

    private static PostgresServer start() {
        try {
            Path bin = Path.of(run(List.of("pg_config", "--bindir"), false).strip());
            boolean root = "root".equals(System.getProperty("user.name"));
            Path dir = Files.createTempDirectory("newsbot-pg");
            if (root) {
                run(List.of("chown", "postgres", dir.toString()), false);
            }
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            PostgresServer server = new PostgresServer(bin, dir, port, root);
            server.pg("initdb", "-D", dir.resolve("data").toString(), "-U", USER, "-A", "trust", "-E", "UTF8",
                    "--locale=C.UTF-8", "--no-sync");
            server.pg("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(), "-w",
                    "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off "
                            + "-c synchronous_commit=off -c full_page_writes=off -c max_connections=500",
                    "start");
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "postgres-stop"));
            server.createTemplate();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the tests' PostgreSQL", e);
        }
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** The server's version, as it reports it ({@code SHOW server_version}). */
    public String version() {
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, "");
             Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("SHOW server_version: " + e.getMessage(), e);
        }
    }

    /** A new, migrated, empty database; its JDBC URL. */
    public String newDatabaseUrl() {
        String name = "t" + databases.incrementAndGet();
        // FILE_COPY: for a small template, copying its files beats writing every block to the WAL (110-140 ms, not 170-180)
        sql("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE + " STRATEGY FILE_COPY");
        return url(name);
    }

    /** A new empty database without any table (migrate-db's target, or a first start). */
    public String newEmptyDatabaseUrl() {
        String name = "e" + databases.incrementAndGet();
        sql("CREATE DATABASE " + name + " TEMPLATE template0");
        return url(name);
    }

    /**
     * A new empty database owned by a login role that, unlike {@link #USER}, must give {@code password}
     * (scram-sha-256 on loopback, ahead of the trusting rule); its JDBC URL. For what reads a password from config.
     */
    public synchronized String newEmptyDatabaseUrlOwnedBy(String role, String password) {
        sql("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN "
                + "CREATE ROLE " + role + " LOGIN PASSWORD '" + password.replace("'", "''") + "'; END IF; END $$");
        Path hba = dir.resolve("data").resolve("pg_hba.conf");
        String rule = "host all " + role + " 127.0.0.1/32 scram-sha-256\n";
        try {
            String rules = Files.readString(hba, StandardCharsets.UTF_8);
            if (!rules.startsWith(rule)) {
                Files.writeString(hba, rule + rules, StandardCharsets.UTF_8); // the first matching rule wins
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sql("SELECT pg_reload_conf()");
        String name = "o" + databases.incrementAndGet();
        sql("CREATE DATABASE " + name + " OWNER " + role + " TEMPLATE template0");
        return url(name);
    }

    /** Opens (and closes when the JVM ends) the database at {@code url}. */
    public synchronized Database open(String url) {
        Database db = Database.openPostgres(url, USER, "");
        opened.add(db);
        return db;
    }

    /**
     * CPU time the server's processes have used so far: the postmaster and its live backends, plus the children
     * it has already reaped (autovacuum workers, closed sessions). Benchmarks report it beside their own
     * process's CPU, which on PostgreSQL leaves the database's work out.
     */
    public Duration cpu() {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("data").resolve("postmaster.pid"),
                    StandardCharsets.UTF_8).get(0).strip());
            long[] own = cpuTicks(postmaster);
            long ticks = own[0] + own[1] + own[2] + own[3];
            List<ProcessHandle> children = ProcessHandle.of(postmaster).map(p -> p.descendants().toList())
                    .orElse(List.of());
            for (ProcessHandle child : children) {
                long[] t = cpuTicks(child.pid());
                ticks += t[0] + t[1];
            }
            // /proc counts in USER_HZ, which Linux fixes at 100 for user space whatever the kernel's own tick
            return Duration.ofMillis(ticks * 10);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU time of the tests' PostgreSQL", e);
        }
    }

    /** utime, stime, cutime and cstime of a process from /proc; zeros for one that has just exited. */
    private static long[] cpuTicks(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        String line;
        try {
            line = Files.readString(stat, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            return new long[4];
        }
        // The command name, in parentheses, may hold spaces: the fields are counted after its closing one.
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                Long.parseLong(fields[14])};
    }

    /** Runs one statement on the maintenance database. */
    public void sql(String statement) {
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, "");
             Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + ": " + e.getMessage(), e);
        }
    }

    private void createTemplate() {
        sql("CREATE DATABASE " + TEMPLATE);
        Database.openPostgres(url(TEMPLATE), USER, "").close();
    }

    /**
     * At JVM exit: the server goes down at once (no checkpoint, no waiting for clients), so a pool still open in
     * some test cannot hold the exit up; the databases are throw-away.
     */
    private void stop() {
        try {
            pg("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } catch (RuntimeException | IOException e) {
            System.err.println("stopping the tests' PostgreSQL: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temp dir left behind is harmless (a file the server removes itself may vanish mid-walk)
        }
    }

    private void pg(String program, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        run(command, asPostgresUser);
    }

    private static String run(List<String> command, boolean asPostgresUser) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return out;
    }
}
