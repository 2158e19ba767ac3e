package com.m365console.support;

import com.m365console.M365ConsoleApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Another instance of the app beside the test's own, on the same database and peers (identity platform, mail
 * servers, encryption key): in this JVM, or as an operating-system process of its own that a test can kill with
 * SIGKILL the way a crashed node dies. Sessions are stored in the database, so a browser signed in on the test's
 * instance is signed in here too ({@link Sessions.Browser#graphQl(String)}).
 */
public final class AppInstance implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** What an instance needs to share the test instance's database, peers and key. */
    private static final List<String> SHARED = List.of(
            "spring.r2dbc.url",
            "spring.r2dbc.username",
            "spring.r2dbc.password",
            "m365.microsoft.authority-host",
            "m365.mail.imap.host",
            "m365.mail.imap.port",
            "m365.mail.imap.security",
            "m365.mail.smtp.host",
            "m365.mail.smtp.port",
            "m365.mail.smtp.security",
            "m365.mailbox.refresh-retry-backoff",
            "m365.sync.batch-size",
            "m365.rate-limit.sync-mailbox",
            "m365.sync.lease-ttl",
            "m365.sync.lease-renew-every",
            "m365.sync.retry-first",
            "m365.sync.push.enabled");

    private final String baseUrl;
    private final ConfigurableApplicationContext context;
    private final Process process;
    private final Path log;

    private AppInstance(String baseUrl, ConfigurableApplicationContext context, Process process, Path log) {
        this.baseUrl = baseUrl;
        this.context = context;
        this.process = process;
        this.log = log;
    }

    /** The test instance's database and peer settings, to start another instance with (and to add to). */
    public static Map<String, String> sharedWith(Environment test) {
        Map<String, String> properties = new LinkedHashMap<>();
        SHARED.forEach(name -> {
            String value = test.getProperty(name);
            if (value != null) {
                properties.put(name, value);
            }
        });
        properties.put(
                "m365.data-dir",
                Path.of(test.getRequiredProperty("m365.data-dir"))
                        .toAbsolutePath()
                        .toString());
        return properties;
    }

    /** Starts an instance in this JVM (a few seconds: the classes are loaded already). */
    public static AppInstance inThisJvm(Map<String, String> properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        properties.forEach((name, value) -> args.add("--" + name + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(M365ConsoleApplication.class)
                .profiles("test")
                .run(args.toArray(String[]::new));
        return new AppInstance(
                "http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port"),
                context,
                null,
                null);
    }

    /**
     * Starts an instance as a JVM process of its own, from the test classpath the build writes
     * ({@code target/test-classpath.txt}); its output goes to {@code target/<name>.log}. Answers once it serves HTTP.
     */
    public static AppInstance process(String name, Map<String, String> properties) {
        Path target = Path.of("target").toAbsolutePath();
        Path log = target.resolve(name + ".log");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classpath(target),
                M365ConsoleApplication.class.getName(),
                "--spring.profiles.active=test",
                "--server.port=" + port));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            AppInstance instance = new AppInstance("http://localhost:" + port, null, process, log);
            instance.awaitServing();
            return instance;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** SIGKILL, as a crashed node: no shutdown hook, no lease released, sockets closed by the kernel. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the process wrote so far; only for an instance started by {@link #process}. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitServing() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app process exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<Void> answer = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                waitFor(Duration.ofMillis(250));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
        kill();
        throw new IllegalStateException("The app process did not serve HTTP within " + START_TIMEOUT + ":\n" + log());
    }

    /** Waits on the process itself, so its exit ends the wait at once. */
    private void waitFor(Duration pause) {
        try {
            process.waitFor(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static String classpath(Path target) {
        try {
            return String.join(
                    java.io.File.pathSeparator,
                    target.resolve("classes").toString(),
                    target.resolve("test-classes").toString(),
                    Files.readString(target.resolve("test-classpath.txt")).trim());
        } catch (IOException ex) {
            throw new IllegalStateException("No target/test-classpath.txt: build the backend with Maven first", ex);
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
