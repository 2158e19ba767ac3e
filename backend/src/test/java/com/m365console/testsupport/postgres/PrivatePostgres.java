package com.m365console.testsupport.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own (Debian's binaries under {@code /usr/lib/postgresql/<version>/bin}), on
 * 127.0.0.1 and a free port with everything under a temp directory, so a test can stop the database under a
 * running app and start it again. As root the server runs as the {@code postgres} user (PostgreSQL refuses root).
 * A JVM shutdown hook stops it and deletes the directory.
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final String SYSTEM_USER = "postgres";

    private final Path bin;
    private final Path root;
    private final int port;
    private final Thread shutdownHook = new Thread(this::stopAndDelete, "private-postgres-shutdown");

    private PrivatePostgres(Path bin, Path root, int port) {
        this.bin = bin;
        this.root = root;
        this.port = port;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The newest installed server's binaries, if any. */
    public static Optional<Path> binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin ->
                            Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing(Path::toString));
        } catch (IOException ex) {
            return Optional.empty();
        }
    }

    /** Creates and starts a cluster whose superuser {@code postgres} is trusted from 127.0.0.1. */
    public static PrivatePostgres start() {
        Path bin = binaries()
                .orElseThrow(() -> new IllegalStateException(
                        "No PostgreSQL server under " + "/usr/lib/postgresql/*/bin: apt-get install postgresql"));
        try {
            Path root = Files.createTempDirectory("private-postgres-");
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            if (isRoot()) {
                run(List.of("chown", SYSTEM_USER + ":", root.toString()));
            }
            PrivatePostgres server = new PrivatePostgres(bin, root, freePort());
            server.asServerUser(List.of(
                    bin.resolve("initdb").toString(),
                    "-D",
                    server.data().toString(),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--no-sync"));
            server.startServer();
            return server;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** For the app's {@code spring.r2dbc.url}; user {@code postgres}, no password. */
    public String r2dbcUrl() {
        return "r2dbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** The same database for JDBC (Flyway). */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Stops the server the way an operator does ({@code pg_ctl stop -m fast}): clients are disconnected. */
    public void stop() {
        asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "-w", "stop"));
    }

    /** Starts the stopped server again on the same port, with the same data. */
    public void startServer() {
        asServerUser(List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                data().toString(),
                "-l",
                root.resolve("server.log").toString(),
                "-w",
                "-t",
                "60",
                "-o",
                "-p " + port + " -k " + root + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60",
                "start"));
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or ran already.
        }
        stopAndDelete();
    }

    private void stopAndDelete() {
        if (Files.exists(data().resolve("postmaster.pid"))) {
            run(List.of(asServerUserPrefix(
                    bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w", "stop")));
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not delete " + root, ex);
        }
    }

    private Path data() {
        return root.resolve("data");
    }

    private void asServerUser(List<String> command) {
        Result result = run(List.of(asServerUserPrefix(command.toArray(String[]::new))));
        if (result.exitCode() != 0) {
            throw new IllegalStateException(
                    String.join(" ", command) + " failed (" + result.exitCode() + "): " + result.output());
        }
    }

    private static String[] asServerUserPrefix(String... command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", SYSTEM_USER, "--"));
        }
        full.addAll(List.of(command));
        return full.toArray(String[]::new);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private record Result(int exitCode, String output) {}

    private static Result run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 90 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
