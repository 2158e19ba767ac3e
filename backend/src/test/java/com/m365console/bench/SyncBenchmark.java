package com.m365console.bench;

import com.m365console.testsupport.dovecot.DovecotServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The sync benchmark of issue 11, in one run so the ratios hold on a noisy machine: {@link BenchPeers} with 10,000
 * messages in 9 folders; mbsync with fsync off and on, the plain Jakarta Mail loop and the packaged jar (first full
 * sync with the given heap), then 100 new messages synchronised by mbsync and by the jar, whose IMAP logins and
 * commands are counted from Dovecot's log and rawlog. Prints figure lines only; run through bench/sync.
 */
public final class SyncBenchmark {

    private static final int NEW_MESSAGES = 100;
    /** Dovecot's rawlog starts each line with the time it came in. */
    private static final java.util.regex.Pattern TIMESTAMP = java.util.regex.Pattern.compile("^\\d+\\.\\d+ ");

    private SyncBenchmark() {}

    /** Args: message count (10,000), the jar, the app's heap flag (-Xmx256m), the mail cache directory. */
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path jar = Path.of(args.length > 1 ? args[1] : "backend/target/m365-console.jar");
        String heap = args.length > 2 ? args[2] : "-Xmx256m";
        Path cache = Path.of(args.length > 3 ? args[3] : "backend/target/bench-mail");
        Locale.setDefault(Locale.US);
        try (BenchPeers peers = BenchPeers.start()) {
            long bytes = peers.seed(count, cache);
            BenchPeers.Addresses addresses = peers.addresses();

            Mbsync withoutFsync = Mbsync.configure(addresses, false);
            Mbsync.Run mbsyncOff = withoutFsync.run();
            Mbsync.Run mbsyncOn;
            try (Mbsync withFsync = Mbsync.configure(addresses, true)) {
                mbsyncOn = withFsync.run();
            }

            Path jvmFiles = Files.createTempDirectory("m365-bench-jvm-");
            GcLog gc = new GcLog(jvmFiles.resolve("gc.log"));
            List<String> flags = new ArrayList<>(List.of(heap, gc.flag()));
            flags.addAll(extraJvmFlags());
            try (JarApp app = JarApp.start(jar, flags, addresses);
                    PostgresBackends postgres = new PostgresBackends()) {
                UUID mailbox = app.connectMailbox(BenchMessages.FOLDERS);
                PlainFetchLoop.Result plain =
                        PlainFetchLoop.run(addresses, peers.newestAccessToken(), BenchMessages.FOLDERS);

                int gcMark = gc.mark();
                ProcReadings.resetPeakRss(app.pid());
                double cpuBefore = ProcReadings.cpuSeconds(app.pid());
                postgres.start();
                long started = System.nanoTime();
                JsonNode first = app.syncMailbox(mailbox);
                double seconds = (System.nanoTime() - started) / 1e9;
                double postgresCpu = postgres.stop();
                double appCpu = ProcReadings.cpuSeconds(app.pid()) - cpuBefore;
                long peakHeap = gc.peakBytesSince(gcMark, app.pid());
                long peakRss = ProcReadings.peakRssBytes(app.pid());
                checkSucceeded(first, count);

                double appRate = count / seconds;
                double mb = bytes / 1e6;
                System.out.printf(
                        "first sync app (jar, %s): %s msg/s, %.1f MB/s, CPU %.2f s/1000 (PostgreSQL %.2f s/1000), "
                                + "peak heap %d MB, RSS %d MB (%,d messages, %.1f MB in %.2f s)%n",
                        heap,
                        rate(appRate),
                        mb / seconds,
                        appCpu * 1000 / count,
                        postgresCpu * 1000 / count,
                        peakHeap >> 20,
                        peakRss >> 20,
                        count,
                        mb,
                        seconds);
                printPeer("mbsync (fsync off)", mbsyncOff, count, mb);
                printPeer("mbsync (fsync on)", mbsyncOn, count, mb);
                System.out.printf(
                        "first sync plain Jakarta Mail loop: %s msg/s, %.1f MB/s, CPU %.2f s/1000 (%,d messages in"
                                + " %.2f s)%n",
                        rate(plain.messages() / plain.seconds()),
                        plain.bytes() / 1e6 / plain.seconds(),
                        plain.cpuSeconds() * 1000 / plain.messages(),
                        plain.messages(),
                        plain.seconds());
                ratio("app/mbsync(fsync off) msg/s", appRate / (count / mbsyncOff.seconds()), ">=", 2.0);
                ratio("app/mbsync(fsync on) msg/s", appRate / (count / mbsyncOn.seconds()), null, 0);
                ratio("app/plain loop msg/s", appRate / (plain.messages() / plain.seconds()), ">=", 0.8);
                System.out.printf(
                        "memory: %s, OutOfMemoryError in the app's log: %s%n",
                        heap, app.log().contains("OutOfMemoryError") ? "yes: missed" : "none: met");

                incremental(peers, app, mailbox, withoutFsync, count);
            } finally {
                withoutFsync.close();
            }
        }
        System.exit(0);
    }

    private static void incremental(BenchPeers peers, JarApp app, UUID mailbox, Mbsync mbsync, int count)
            throws IOException {
        peers.deliverNew(NEW_MESSAGES);
        Mbsync.Run mbsyncRun = mbsync.run();

        DovecotServer dovecot = peers.dovecot();
        String address = peers.addresses().address();
        long loginsBefore = dovecot.countLog(DovecotServer.loginOf("imap", address));
        Path rawlog = dovecot.createRawlogDir(address);
        long started = System.nanoTime();
        JsonNode run = app.syncMailbox(mailbox);
        double seconds = (System.nanoTime() - started) / 1e9;
        long logins = dovecot.countLog(DovecotServer.loginOf("imap", address)) - loginsBefore;
        Map<String, List<String>> commands = commandsByFolder(rawlog);
        deleteTree(rawlog);
        checkSucceeded(run, NEW_MESSAGES);

        int total = commands.values().stream().mapToInt(List::size).sum();
        System.out.printf(
                "incremental app (%d new on %,d in 9 folders): %.2f s, %d IMAP login(s) (target 1): %s, %d commands%n",
                NEW_MESSAGES, count, seconds, logins, logins == 1 ? "met" : "missed", total);
        commands.forEach((folder, list) -> System.out.printf(
                "incremental app commands on %s: %d (%s)%n",
                folder,
                list.size(),
                String.join(", ", list.stream().map(SyncBenchmark::commandName).toList())));
        System.out.printf("incremental mbsync (fsync off): %.2f s%n", mbsyncRun.seconds());
        ratio("incremental app/mbsync(fsync off) time", seconds / mbsyncRun.seconds(), "<=", 1.5);
    }

    /** The client's commands in the rawlog, without tags and arguments past the name, grouped by the folder open. */
    private static Map<String, List<String>> commandsByFolder(Path rawlog) throws IOException {
        Map<String, List<String>> byFolder = new LinkedHashMap<>();
        String folder = "(before a folder)";
        List<Path> inputs;
        try (Stream<Path> files = Files.list(rawlog)) {
            inputs = files.filter(file -> file.toString().endsWith(".in"))
                    .sorted()
                    .toList();
        }
        for (Path input : inputs) {
            for (String stamped : Files.readAllLines(input)) {
                String line = TIMESTAMP.matcher(stamped).replaceFirst("");
                String[] words = line.trim().split(" ", 4);
                if (words.length < 2) {
                    continue;
                }
                String name = words[1].toUpperCase(Locale.ROOT);
                if (name.equals("UID") && words.length > 2) {
                    name += " " + words[2].toUpperCase(Locale.ROOT);
                }
                if ((name.equals("SELECT") || name.equals("EXAMINE") || name.equals("STATUS")) && words.length > 2) {
                    String named = line.trim().split(" ", 3)[2];
                    folder = name.equals("STATUS") && named.contains(" (")
                            ? named.substring(0, named.lastIndexOf(" ("))
                            : named;
                }
                byFolder.computeIfAbsent(folder, any -> new ArrayList<>()).add(describe(name, line));
            }
        }
        return byFolder;
    }

    /** STATUS, EXAMINE, UID SEARCH, UID FETCH of structures, of messages, of flags (with its range)... */
    private static String commandName(String described) {
        String[] words = described.split(" ", 4);
        if (!words[0].equals("UID") || words.length < 4) {
            return words[0];
        }
        if (!words[1].equals("FETCH")) {
            return "UID " + words[1];
        }
        if (words[3].contains("BODYSTRUCTURE")) {
            return "UID FETCH structures";
        }
        return words[3].contains("ENVELOPE") ? "UID FETCH messages" : "UID FETCH " + words[2] + " " + words[3];
    }

    private static String describe(String name, String line) {
        if (name.equals("AUTHENTICATE")) {
            return "AUTHENTICATE";
        }
        String trimmed = line.trim();
        return trimmed.substring(trimmed.indexOf(' ') + 1);
    }

    private static void printPeer(String name, Mbsync.Run run, int count, double mb) {
        System.out.printf(
                "first sync %s: %s msg/s, %.1f MB/s, CPU %.2f s/1000, RSS %d MB (%.2f s)%n",
                name,
                rate(count / run.seconds()),
                mb / run.seconds(),
                run.cpuSeconds() * 1000 / count,
                run.peakRssBytes() >> 20,
                run.seconds());
    }

    private static void ratio(String what, double value, String comparison, double target) {
        if (comparison == null) {
            System.out.printf("ratio %s: %.2f%n", what, value);
            return;
        }
        boolean met = comparison.equals(">=") ? value >= target : value <= target;
        System.out.printf(
                "ratio %s: %.2f (target %s %.1f): %s%n", what, value, comparison, target, met ? "met" : "missed");
    }

    private static String rate(double perSecond) {
        return String.format("%,.0f", perSecond);
    }

    private static void checkSucceeded(JsonNode status, int expected) {
        if (!"SUCCEEDED".equals(status.path("state").asString())
                || status.path("newMessages").asInt() != expected) {
            throw new IllegalStateException("Expected a run storing " + expected + " messages, got " + status);
        }
    }

    /** More flags for the jar from BENCH_JVM_FLAGS (e.g. a JFR recording), split at spaces. */
    private static List<String> extraJvmFlags() {
        String extra = System.getenv("BENCH_JVM_FLAGS");
        return extra == null || extra.isBlank()
                ? List.of()
                : List.of(extra.trim().split("\\s+"));
    }

    private static void deleteTree(Path top) throws IOException {
        try (Stream<Path> paths = Files.walk(top)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
