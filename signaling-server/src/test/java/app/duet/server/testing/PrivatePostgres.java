package app.duet.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A private PostgreSQL server from the Debian package (scripts/install-deps.sh): initdb into a temp
 * directory, then a postgres on a free loopback port with its socket in that directory, password
 * authentication on, durability off (a test database need not survive a crash). Stopped and deleted by
 * {@link #close()}. Run as root (CI containers), it runs as the package's {@code postgres} user, since
 * PostgreSQL refuses root. If it cannot start, {@link #start()} throws, with the server's log: a test that
 * needs it fails, it is never skipped.
 */
public final class PrivatePostgres implements AutoCloseable {
    public static final String USER = "duet";
    public static final String PASSWORD = "test-password-not-a-secret";
    private static final Path INSTALL = Path.of("/usr/lib/postgresql");
    private static final String PG_CTL_WAIT_SECONDS = "60";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path dir;
    private final Path bin;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private PrivatePostgres(Path dir, Path bin, int port) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
    }

    /** Creates a cluster and starts it; the caller closes it. */
    public static PrivatePostgres start() {
        Path bin = binaries();
        try {
            Path dir = Files.createTempDirectory("duet-postgres");
            if (ROOT) {
                UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
            }
            PrivatePostgres pg = new PrivatePostgres(dir, bin, freePort());
            Path pwfile = dir.resolve("pwfile");
            pg.runAsOwner(() -> Files.writeString(pwfile, PASSWORD + "\n", StandardCharsets.UTF_8));
            pg.run("initdb", "-D", pg.data().toString(), "-U", USER, "--pwfile=" + pwfile,
                    "--auth=scram-sha-256", "--no-locale", "-E", "UTF8", "--no-sync");
            pg.startAgain();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up a private PostgreSQL", e);
        }
    }

    /** JDBC URL of {@code database} on this server. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates an empty database and returns its name. */
    public String createDatabase() {
        String name = "duet_" + databases.incrementAndGet();
        execute("CREATE DATABASE " + name);
        return name;
    }

    /** Drops a database, ending any connection still open on it. */
    public void dropDatabase(String name) {
        execute("DROP DATABASE " + name + " WITH (FORCE)");
    }

    /** Stops the server as an admin would ({@code pg_ctl stop -m fast}: open connections are ended). */
    public void stop() {
        run("pg_ctl", "-D", data().toString(), "-m", "fast", "-w", "-t", PG_CTL_WAIT_SECONDS, "stop");
    }

    /** Starts the server (again) on the same port and data; returns when it takes connections. */
    public void startAgain() {
        String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                + " -c synchronous_commit=off -c full_page_writes=off";
        run("pg_ctl", "-D", data().toString(), "-l", log().toString(), "-o", options, "-w", "-t",
                PG_CTL_WAIT_SECONDS, "start");
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            delete(dir);
        }
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on the private PostgreSQL", e);
        }
    }

    private Path data() {
        return dir.resolve("data");
    }

    private Path log() {
        return dir.resolve("postgres.log");
    }

    private void run(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (ROOT) {
            command.addAll(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        Path output = dir.resolve(program + ".out");
        try {
            runAsOwner(() -> Files.deleteIfExists(output));
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException(program + " failed (exit " + p.exitValue() + "):\n"
                        + read(output) + "\nserver log:\n" + read(log()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + program, e);
        }
    }

    @FunctionalInterface
    private interface FileWork {
        void run() throws IOException;
    }

    /** Files this JVM writes into the cluster's directory belong to the user the server runs as. */
    private void runAsOwner(FileWork work) throws IOException {
        work.run();
        if (ROOT) {
            try (Stream<Path> files = Files.list(dir)) {
                UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
                for (Path f : files.toList()) {
                    Files.setOwner(f, users.lookupPrincipalByName("postgres"));
                }
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "(none)";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static Path binaries() {
        try (Stream<Path> versions = Files.list(INSTALL)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL is not installed (no " + INSTALL + "/<version>/bin/initdb); "
                    + "scripts/install-deps.sh installs it", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
