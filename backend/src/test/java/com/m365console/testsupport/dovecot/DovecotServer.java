package com.m365console.testsupport.dovecot;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A private Dovecot (Debian's {@code dovecot-imapd} and {@code dovecot-submissiond}) as the real IMAP and SMTP peer
 * of tests: on 127.0.0.1 and free ports, with everything under one temp directory, logging in over XOAUTH2 only and
 * asking the test identity platform's introspection endpoint about every token, so a token the platform revokes or
 * expires is refused ({@code NO [AUTHENTICATIONFAILED]}, {@code 535 5.7.8}) as at Microsoft. Mail sent through its
 * submission service is relayed to an in-process GreenMail SMTP sink ({@link #sentMessages()}). Seed mail with
 * {@link #deliver}; {@link #close()} stops every process it started (a JVM shutdown hook does too).
 */
public final class DovecotServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final Path root;
    private final MailUser user;
    private final Maildir maildir;
    private final GreenMail relay;
    private final Process master;
    private final int imapPort;
    private final int submissionPort;
    private final Thread shutdownHook = new Thread(this::stopAndDelete, "dovecot-shutdown");

    private DovecotServer(Path root, MailUser user, GreenMail relay, Process master, int imapPort, int submissionPort) {
        this.root = root;
        this.user = user;
        this.maildir = new Maildir(root.resolve("mail"), user);
        this.relay = relay;
        this.master = master;
        this.imapPort = imapPort;
        this.submissionPort = submissionPort;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The {@code dovecot} binary, if installed (on PATH or in /usr/sbin). */
    public static Optional<Path> binary() {
        return command("dovecot");
    }

    /**
     * Why Dovecot cannot be used here, or empty when it can; with {@code DOVECOT_REQUIRED=true} (CI) a missing
     * Dovecot is an error instead, so a machine without it never passes by skipping.
     */
    public static Optional<String> missing() {
        if (binary().isPresent()
                && command("doveadm").isPresent()
                && Files.isExecutable(Path.of("/usr/lib/dovecot/submission"))) {
            return Optional.empty();
        }
        String message = "Dovecot is not installed: apt-get install dovecot-imapd dovecot-submissiond";
        if ("true".equalsIgnoreCase(System.getenv("DOVECOT_REQUIRED"))) {
            throw new IllegalStateException(message + " (DOVECOT_REQUIRED=true)");
        }
        return Optional.of(message + "; skipped (set DOVECOT_REQUIRED=true to fail instead)");
    }

    /** For a test that needs Dovecot outside {@link DovecotInstalled}: a JUnit assumption over {@link #missing()}. */
    public static void assumeInstalled() {
        missing().ifPresent(Assumptions::abort);
    }

    /** Starts an instance whose oauth2 passdb asks {@code introspectionUrl} (RFC 7662, POST) about every token. */
    public static DovecotServer start(String introspectionUrl) {
        return start(introspectionUrl, null, 0);
    }

    /**
     * For benchmarks: as {@link #start(String)}, and with a {@code plainPassword} also a PLAIN login with it for
     * every user, for peers that cannot do XOAUTH2 (mbsync), and rawlogs of the IMAP sessions that begin while
     * {@link #rawlogDir} exists.
     */
    public static DovecotServer start(String introspectionUrl, String plainPassword) {
        return start(introspectionUrl, plainPassword, 0);
    }

    /** As {@link #start(String)}, able to hold {@code connections} IMAP connections at once (0: the defaults). */
    public static DovecotServer start(String introspectionUrl, int connections) {
        return start(introspectionUrl, null, connections);
    }

    /** With both: a PLAIN login (null: none) and room for {@code connections} IMAP connections (0: the defaults). */
    public static DovecotServer start(String introspectionUrl, String plainPassword, int connections) {
        assumeInstalled();
        MailUser user = MailUser.forThisProcess();
        GreenMail relay = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        relay.start();
        Path root = null;
        try {
            root = Files.createTempDirectory("dovecot-");
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path mail = Files.createDirectories(root.resolve("mail"));
            new Maildir(mail, user).own(mail);
            Files.writeString(root.resolve("oauth2.conf.ext"), DovecotConfig.oauth2(introspectionUrl));
            IllegalStateException lastFailure = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                int imap = freePort();
                int submission = freePort();
                Files.writeString(
                        root.resolve("dovecot.conf"),
                        DovecotConfig.main(
                                root, user, imap, submission, relay.getSmtp().getPort(), plainPassword, connections));
                Process master = new ProcessBuilder(
                                binary().orElseThrow().toString(),
                                "-F",
                                "-c",
                                root.resolve("dovecot.conf").toString())
                        .redirectErrorStream(true)
                        .redirectOutput(root.resolve("master.out").toFile())
                        .start();
                try {
                    awaitGreeting(master, imap, "* OK");
                    awaitGreeting(master, submission, "220 ");
                    return new DovecotServer(root, user, relay, master, imap, submission);
                } catch (IllegalStateException e) {
                    terminate(master);
                    lastFailure = new IllegalStateException(
                            e.getMessage() + "\n" + read(root.resolve("master.out"))
                                    + read(root.resolve("dovecot.log")),
                            e);
                }
            }
            throw lastFailure;
        } catch (IOException | RuntimeException | InterruptedException e) {
            relay.stop();
            if (root != null) {
                deleteTree(root);
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw e instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("Could not start " + "Dovecot", e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    /** Plain IMAP (no TLS): the app's {@code m365.mail.imap.security=NONE}. */
    public int imapPort() {
        return imapPort;
    }

    /** SMTP submission (no TLS), AUTH XOAUTH2 only. Dovecot 2.3 refuses AUTH lines over about 1 KB. */
    public int submissionPort() {
        return submissionPort;
    }

    /** Puts a message into the user's folder ({@code INBOX}, {@code Sent Items}, {@code Projects/2026}...). */
    public void deliver(String address, String folder, MimeMessage message) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            message.writeTo(bytes);
            maildir.deliver(address, folder, bytes.toByteArray());
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("Could not write the message", e);
        }
    }

    /** Puts a message, as its RFC 822 bytes, into the user's folder. */
    public void deliver(String address, String folder, byte[] rfc822) {
        maildir.deliver(address, folder, rfc822);
    }

    /**
     * Where IMAP sessions of the user log their traffic ({@code *.in}, {@code *.out}) when started with a PLAIN
     * password and while this directory exists; create it with {@link #createRawlogDir}.
     */
    public Path rawlogDir(String address) {
        return maildir.home(address).resolve("rawlog");
    }

    /** Creates {@link #rawlogDir}, owned by the mail user, so sessions that begin from now on are logged. */
    public Path createRawlogDir(String address) {
        Path dir = rawlogDir(address);
        try {
            Files.createDirectories(dir);
            maildir.own(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the user's maildir, as delivered so far, to {@code target} (which must not exist yet). */
    public void copyMaildir(String address, Path target) {
        MailUser.Result copied = MailUser.run(
                List.of("cp", "-a", maildir.home(address).resolve("Maildir").toString(), target.toString()));
        if (copied.exitCode() != 0) {
            throw new IllegalStateException("Could not copy the maildir: " + copied.output());
        }
    }

    /** Gives the user the maildir at {@code source} (a {@link #copyMaildir} copy), before anything else was delivered. */
    public void restoreMaildir(String address, Path source) {
        Path home = maildir.home(address);
        try {
            Files.createDirectories(home);
            maildir.own(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (List<String> command : List.of(
                List.of("cp", "-a", source.toString(), home.resolve("Maildir").toString()),
                List.of("chown", "-R", user.uid() + ":" + user.gid(), home.toString()))) {
            MailUser.Result result = MailUser.run(command);
            if (result.exitCode() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + result.output());
            }
        }
    }

    /** Deletes everything the user has, as a wiped server: the next login starts with new UIDVALIDITYs. */
    public void wipe(String address) {
        deleteTree(maildir.home(address));
    }

    /** Runs {@code doveadm} against this instance (e.g. {@code "flags", "add", "-u", who, "\\Seen", ...}). */
    public String doveadm(String... args) {
        List<String> command = new ArrayList<>(List.of(
                command("doveadm").orElseThrow().toString(),
                "-c",
                root.resolve("dovecot.conf").toString()));
        command.addAll(List.of(args));
        MailUser.Result result = MailUser.run(command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(
                    "doveadm " + String.join(" ", args) + " failed (" + result.exitCode() + "): " + result.output());
        }
        return result.output();
    }

    /**
     * Logs in over IMAP with XOAUTH2 as a client would and answers the server's tagged reply, e.g.
     * {@code a OK [CAPABILITY ...] Logged in} or {@code a NO [AUTHENTICATIONFAILED] Authentication failed.}.
     */
    public String imapLogin(String address, String accessToken) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), imapPort)) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            firstLine(in);
            socket.getOutputStream()
                    .write(("a AUTHENTICATE XOAUTH2 " + xoauth2(address, accessToken) + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            while (true) {
                String line = firstLine(in).trim();
                if (line.startsWith("+")) {
                    socket.getOutputStream().write("\r\n".getBytes(StandardCharsets.US_ASCII));
                } else if (line.startsWith("a ") || line.isEmpty()) {
                    return line;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything Dovecot logged so far (logins, refused tokens with the reason, disconnects). */
    public String log() {
        return read(root.resolve("dovecot.log"));
    }

    /**
     * Logs in to submission with {@code AUTH XOAUTH2} as a client would and answers the server's final reply, e.g.
     * {@code 235 2.7.0 Logged in.} or {@code 535 5.7.8 Authentication failed.}.
     */
    public String submissionLogin(String address, String accessToken) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), submissionPort)) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            firstLine(in);
            socket.getOutputStream().write("EHLO test\r\n".getBytes(StandardCharsets.US_ASCII));
            for (String line = firstLine(in); !line.startsWith("250 "); line = firstLine(in)) {
                if (line.isEmpty()) {
                    return line;
                }
            }
            socket.getOutputStream()
                    .write(("AUTH XOAUTH2 " + xoauth2(address, accessToken) + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            while (true) {
                String line = firstLine(in).trim();
                if (line.startsWith("334")) {
                    socket.getOutputStream().write("\r\n".getBytes(StandardCharsets.US_ASCII));
                } else {
                    return line;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String xoauth2(String address, String accessToken) {
        return java.util.Base64.getEncoder()
                .encodeToString(("user=" + address + "\u0001auth=Bearer " + accessToken + "\u0001\u0001")
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** How many lines of the log match. */
    public long countLog(Predicate<String> line) {
        return log().lines().filter(line).count();
    }

    /** Waits until at least {@code atLeast} lines match: Dovecot's log process writes just after a client's reply. */
    public void awaitLog(Predicate<String> line, long atLeast, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (countLog(line) < atLeast) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        "Fewer than " + atLeast + " matching lines in Dovecot's log within " + timeout + ":\n" + log());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Log lines of logins the user's token got refused (the auth process's reason line). */
    public static Predicate<String> refusedLoginOf(String address) {
        return line -> line.contains("oauth2(" + address.toLowerCase() + ",") && line.contains("oauth2 failed");
    }

    /** Log lines of accepted logins, per protocol ({@code imap} or {@code submission}). */
    public static Predicate<String> loginOf(String protocol, String address) {
        return line -> line.contains(protocol + "-login: Info: Login: user=<" + address.toLowerCase() + ">");
    }

    /** What was sent through submission, as the relay received it. */
    public MimeMessage[] sentMessages() {
        return relay.getReceivedMessages();
    }

    public boolean awaitSent(int count, Duration timeout) {
        return relay.waitForIncomingEmail(timeout.toMillis(), count);
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
        stopProcesses();
        deleteTree(root);
    }

    private synchronized void stopProcesses() {
        try {
            terminate(master);
        } finally {
            relay.stop();
        }
    }

    /** Stops the master and waits for every process it had started (auth, imap, login...) to be gone too. */
    private static void terminate(Process master) {
        if (!master.isAlive()) {
            return;
        }
        List<ProcessHandle> children = master.descendants().toList();
        master.destroy();
        try {
            if (!master.waitFor(10, TimeUnit.SECONDS)) {
                master.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                try {
                    child.onExit().get(5, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                    child.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitGreeting(Process master, int port, String greeting) throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!master.isAlive()) {
                throw new IllegalStateException("Dovecot exited with " + master.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                socket.setSoTimeout(5000);
                String line = firstLine(socket.getInputStream());
                if (line.startsWith(greeting)) {
                    return;
                }
                last = line;
            } catch (IOException notYet) {
                last = notYet.toString();
                master.waitFor(20, TimeUnit.MILLISECONDS);
            }
        }
        throw new IllegalStateException(
                "Dovecot did not greet on port " + port + " within " + START_TIMEOUT + ": " + last);
    }

    private static String firstLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Optional<Path> command(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/local/sbin:/usr/bin";
        return Stream.of(path.split(":"))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path top) {
        if (!Files.exists(top)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(top)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + top, e);
        }
    }
}
