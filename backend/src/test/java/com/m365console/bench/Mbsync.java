package com.m365console.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * mbsync from Debian's isync as a peer: pulls every folder of the benchmark mailbox into a maildir of its own, with
 * fsync off or on. isync 1.4 has XOAUTH2 only through a Cyrus SASL plugin that Debian does not ship, so it logs in
 * with PLAIN (Dovecot's second passdb, same user and mail); each run is timed by /usr/bin/time.
 */
final class Mbsync implements AutoCloseable {

    /** Wall-clock seconds, CPU seconds (user + system) and peak RSS of one run. */
    record Run(double seconds, double cpuSeconds, long peakRssBytes) {}

    private final Path dir;

    private Mbsync(Path dir) {
        this.dir = dir;
    }

    static Mbsync configure(BenchPeers.Addresses peers, boolean fsync) {
        try {
            Path dir = Files.createTempDirectory("mbsync-" + (fsync ? "fsync-" : "nofsync-"));
            Path mail = Files.createDirectories(dir.resolve("mail"));
            Files.writeString(
                    dir.resolve("mbsyncrc"),
                    """
                    FSync %s

                    IMAPAccount bench
                    Host 127.0.0.1
                    Port %d
                    User %s
                    Pass %s
                    AuthMechs PLAIN
                    SSLType None

                    IMAPStore remote
                    Account bench

                    MaildirStore local
                    Path %s/
                    Inbox %s/INBOX
                    SubFolders Verbatim

                    Channel bench
                    Far :remote:
                    Near :local:
                    Patterns *
                    Create Near
                    Sync Pull
                    SyncState *
                    Expunge None
                    """.formatted(
                            fsync ? "yes" : "no", peers.imapPort(), peers.address(), peers.plainPassword(), mail, mail),
                    StandardCharsets.UTF_8);
            return new Mbsync(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes its maildir (200 MB at 10,000 messages) and configuration. */
    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One {@code mbsync -a}; fails unless it exits with 0. */
    Run run() {
        Path times = dir.resolve("time.out");
        try {
            Process process = new ProcessBuilder(List.of(
                            "/usr/bin/time",
                            "-o",
                            times.toString(),
                            "-f",
                            "%e %U %S %M",
                            "mbsync",
                            "-q",
                            "-c",
                            dir.resolve("mbsyncrc").toString(),
                            "-a"))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mbsync.log").toFile())
                    .start();
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(
                        "mbsync exited with " + exit + ": " + Files.readString(dir.resolve("mbsync.log")));
            }
            String[] fields = Files.readString(times).trim().split("\\s+");
            return new Run(
                    Double.parseDouble(fields[0]),
                    Double.parseDouble(fields[1]) + Double.parseDouble(fields[2]),
                    Long.parseLong(fields[3]) * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
