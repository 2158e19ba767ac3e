package com.m365console.bench;

import com.m365console.testsupport.microsoft.graph.FakeGraph;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The Graph benchmark of issue 13, beside the IMAP path in the same run: the same count of like messages in 9
 * folders of one mailbox, in Dovecot ({@link BenchPeers}) and in the Graph look-alike ({@link GraphBenchMail}); the
 * packaged jar connects each over its transport, and one Sync now is timed with the app's CPU from /proc, then an
 * incremental run after 100 new messages. Graph's requests are counted from the look-alike's log. The look-alike
 * runs in this JVM, so its CPU is this process's, not the app's. Prints figure lines only; run through bench/graph.
 */
public final class GraphBenchmark {

    private static final int NEW_MESSAGES = 100;

    /** One transport's figures: first sync seconds, the app's CPU s/1000 in it, the incremental seconds. */
    private record Run(double seconds, double cpuSeconds, double incrementalSeconds) {}

    private GraphBenchmark() {}

    /** Args: message count (10,000), the jar, the app's heap flag (-Xmx256m), the mail cache directory. */
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path jar = Path.of(args.length > 1 ? args[1] : "backend/target/m365-console.jar");
        String heap = args.length > 2 ? args[2] : "-Xmx256m";
        Path cache = Path.of(args.length > 3 ? args[3] : "backend/target/bench-mail");
        Locale.setDefault(Locale.US);
        try (BenchPeers peers = BenchPeers.start()) {
            long imapBytes = peers.seed(count, cache);
            GraphBenchMail graphMail =
                    new GraphBenchMail(peers.microsoft().graph().mailbox(BenchPeers.ADDRESS));
            graphMail.seed(count);

            Run imap = imap(peers, jar, heap, count, imapBytes);
            Run graph = graph(peers, graphMail, jar, heap, count);
            System.out.printf("ratio Graph/IMAP msg/s: %.2f%n", imap.seconds() / graph.seconds());
            System.out.printf("ratio Graph/IMAP app CPU s/1000: %.2f%n", graph.cpuSeconds() / imap.cpuSeconds());
            System.out.printf(
                    "ratio Graph/IMAP incremental time: %.2f%n",
                    graph.incrementalSeconds() / imap.incrementalSeconds());
        }
        System.exit(0);
    }

    private static Run imap(BenchPeers peers, Path jar, String heap, int count, long bytes) throws Exception {
        try (JarApp app = JarApp.start(jar, List.of(heap), peers.addresses());
                PostgresBackends postgres = new PostgresBackends()) {
            UUID mailbox = app.connectMailbox(BenchMessages.FOLDERS, "IMAP");
            double cpuBefore = ProcReadings.cpuSeconds(app.pid());
            postgres.start();
            double seconds = timedSync(app, mailbox, count);
            double postgresCpu = postgres.stop();
            double cpu = ProcReadings.cpuSeconds(app.pid()) - cpuBefore;
            System.out.printf(
                    "first sync IMAP app (jar, %s): %,.0f msg/s, CPU %.2f s/1000 (PostgreSQL %.2f s/1000) "
                            + "(%,d messages, %.1f MB of RFC 822 in %.2f s)%n",
                    heap, count / seconds, cpu * 1000 / count, postgresCpu * 1000 / count, count, bytes / 1e6, seconds);

            peers.deliverNew(NEW_MESSAGES);
            double incremental = timedSync(app, mailbox, NEW_MESSAGES);
            System.out.printf(
                    "incremental IMAP app (%d new on %,d in 9 folders): %.2f s%n", NEW_MESSAGES, count, incremental);
            return new Run(seconds, cpu * 1000 / count, incremental);
        }
    }

    private static Run graph(BenchPeers peers, GraphBenchMail mail, Path jar, String heap, int count) throws Exception {
        FakeGraph graph = peers.microsoft().graph();
        long self = ProcessHandle.current().pid();
        try (JarApp app = JarApp.start(jar, List.of(heap), peers.addresses());
                PostgresBackends postgres = new PostgresBackends()) {
            UUID mailbox = app.connectMailbox(BenchMessages.FOLDERS, "GRAPH");
            int mark = graph.requests().size();
            double cpuBefore = ProcReadings.cpuSeconds(app.pid());
            double lookAlikeBefore = ProcReadings.cpuSeconds(self);
            postgres.start();
            double seconds = timedSync(app, mailbox, count);
            double postgresCpu = postgres.stop();
            double cpu = ProcReadings.cpuSeconds(app.pid()) - cpuBefore;
            double lookAlike = ProcReadings.cpuSeconds(self) - lookAlikeBefore;
            GraphRequests first = GraphRequests.since(graph.requests(), mark);
            System.out.printf(
                    "first sync Graph app (jar, %s): %,.0f msg/s, CPU %.2f s/1000 (PostgreSQL %.2f s/1000; the "
                            + "look-alike, in the benchmark JVM, %.2f s/1000) (%,d messages, %.1f M characters of "
                            + "bodies in %.2f s)%n",
                    heap,
                    count / seconds,
                    cpu * 1000 / count,
                    postgresCpu * 1000 / count,
                    lookAlike * 1000 / count,
                    count,
                    mail.bodyChars() / 1e6,
                    seconds);
            System.out.println("first sync Graph requests per 1000 messages: " + first.perThousand(count));

            mail.deliverNew(NEW_MESSAGES);
            mark = graph.requests().size();
            double incremental = timedSync(app, mailbox, NEW_MESSAGES);
            GraphRequests after = GraphRequests.since(graph.requests(), mark);
            System.out.printf(
                    "incremental Graph app (%d new on %,d in 9 folders): %.2f s, requests %s%n",
                    NEW_MESSAGES, count, incremental, after.counts());
            return new Run(seconds, cpu * 1000 / count, incremental);
        }
    }

    /** One syncMailbox to its end, which must store {@code expected} new messages; answers its seconds. */
    private static double timedSync(JarApp app, UUID mailbox, int expected) {
        long started = System.nanoTime();
        JsonNode status = app.syncMailbox(mailbox);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!"SUCCEEDED".equals(status.path("state").asString())
                || status.path("newMessages").asInt() != expected) {
            throw new IllegalStateException("Expected a run storing " + expected + " messages, got " + status);
        }
        return seconds;
    }
}
