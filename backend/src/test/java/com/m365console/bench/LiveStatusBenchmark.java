package com.m365console.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live status at scale, from the packaged jar beside Dovecot: opens 1,000 and then 10,000 graphql-transport-ws sockets
 * (API token in connection_init) subscribed to one mailbox's {@code mailboxSyncStatus}, and measures how fast they
 * open, how much heap each idle one costs the app, how long a sync with nothing new takes with them compared with
 * none, and how late its steps reach them (fan-out). Also the HTTP API under wrk: the settings query with an API
 * token, with a session, and a static asset. Prints the figures and their targets; run through bench/api.
 */
public final class LiveStatusBenchmark {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String SUBSCRIPTION =
            "subscription($id: UUID!) { mailboxSyncStatus(mailboxId: $id) { state at } }";
    private static final int OPENING_AT_ONCE = 200;
    private static final int SYNCS = 3;

    private LiveStatusBenchmark() {}

    /** Args: the jar, socket counts (e.g. 1000,10000), wrk duration (e.g. 10s). */
    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int[] counts =
                Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
        String wrkDuration = args.length > 2 ? args[2] : "10s";
        try (BenchPeers peers = BenchPeers.start()) {
            peers.seed(100, Path.of("backend/target/bench-mail"));
            List<String> flags = new ArrayList<>(List.of("-Xmx512m", "-Dm365.rate-limit.sync-mailbox=1000"));
            String extra = System.getenv("BENCH_JVM_FLAGS");
            if (extra != null && !extra.isBlank()) {
                flags.addAll(List.of(extra.trim().split("\\s+")));
            }
            try (JarApp app = JarApp.start(jar, flags, peers.addresses())) {
                UUID mailboxId = app.connectMailbox(List.of("INBOX"));
                app.syncMailbox(mailboxId);
                if (!Boolean.getBoolean("bench.skip-api")) {
                    apiLoad(app, wrkDuration);
                }
                liveStatus(app, mailboxId, counts);
            }
        }
        System.exit(0);
    }

    private static void apiLoad(JarApp app, String duration) {
        if (!ApiLoad.wrkInstalled()) {
            System.out.println("api: skipped (wrk is not installed: apt-get install wrk)");
            return;
        }
        ApiLoad load = new ApiLoad(app, 50, duration);
        load.withToken();
        load.withSession();
        ApiLoad.Rate token = load.withToken();
        ApiLoad.Rate session = load.withSession();
        ApiLoad.Rate asset = load.staticAsset("/index.html");
        for (ApiLoad.Rate rate : List.of(token, session, asset)) {
            System.out.printf(
                    "api %s: %.0f req/s at 50 connections, app CPU %.2f ms/request%n",
                    rate.what(), rate.requestsPerSecond(), rate.cpuMillisPerRequest());
        }
        double tokenToSession = token.requestsPerSecond() / session.requestsPerSecond();
        double tokenToStatic = token.requestsPerSecond() / asset.requestsPerSecond();
        System.out.printf(
                "api ratio token/session: %.2f (target >= 0.9): %s%n", tokenToSession, met(tokenToSession >= 0.9));
        System.out.printf(
                "api ratio token/static: %.2f (target >= 0.5): %s%n", tokenToStatic, met(tokenToStatic >= 0.5));
    }

    private static void liveStatus(JarApp app, UUID mailboxId, int[] counts) throws Exception {
        double alone = medianSyncSeconds(app, mailboxId, null);
        System.out.printf("live no-op sync with no socket: %.3f s (median of %d)%n", alone, SYNCS);
        HttpClient client = HttpClient.newHttpClient();
        URI url = URI.create(app.baseUrl().replace("http", "ws") + "/graphql");
        for (int count : counts) {
            long heapBefore = Jcmd.heapUsedAfterGc(app.pid());
            String histogramBefore =
                    Boolean.getBoolean("bench.histogram") ? Jcmd.run(app.pid(), "GC.class_histogram") : "";
            List<StatusSocket> sockets = new ArrayList<>(count);
            double cpuBefore = ProcReadings.cpuSeconds(app.pid());
            long start = System.nanoTime();
            Semaphore opening = new Semaphore(OPENING_AT_ONCE);
            CountDownLatch subscribed = new CountDownLatch(count);
            for (int i = 0; i < count; i++) {
                opening.acquire();
                StatusSocket socket = new StatusSocket(app.apiToken(), mailboxId, subscribed, opening::release);
                sockets.add(socket);
                client.newWebSocketBuilder()
                        .subprotocols("graphql-transport-ws")
                        .buildAsync(url, socket)
                        .whenComplete((ws, failure) -> {
                            if (failure != null) {
                                socket.failed(failure);
                            }
                        });
            }
            if (!subscribed.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("Only " + (count - subscribed.getCount()) + " sockets subscribed");
            }
            double openSeconds = (System.nanoTime() - start) / 1e9;
            double openCpuMs = (ProcReadings.cpuSeconds(app.pid()) - cpuBefore) * 1000 / count;
            long failures = sockets.stream().filter(StatusSocket::hasFailed).count();
            if (failures > 0) {
                System.out.printf(
                        "live %d sockets: %d failed to open, e.g. %s%n",
                        count,
                        failures,
                        sockets.stream()
                                .filter(StatusSocket::hasFailed)
                                .findFirst()
                                .orElseThrow()
                                .failure);
                sockets.removeIf(StatusSocket::hasFailed);
            }
            long heapAfter = Jcmd.heapUsedAfterGc(app.pid());
            if (Boolean.getBoolean("bench.histogram")) {
                Heap.printGrowth(histogramBefore, Jcmd.run(app.pid(), "GC.class_histogram"), count);
            }
            double opened = count / openSeconds;
            double perSocketKb = (heapAfter - heapBefore) / 1024.0 / count;
            System.out.printf(
                    "live %d sockets: opened and subscribed in %.1f s, %.0f sockets/s (target >= 1,000): %s;"
                            + " app CPU %.2f ms a socket%n",
                    count, openSeconds, opened, met(opened >= 1000), openCpuMs);
            System.out.printf(
                    "live %d sockets: app heap after GC %d MB -> %d MB, %.1f KB a socket (target <= 20 KB): %s;"
                            + " RSS %d MB%n",
                    count,
                    heapBefore >> 20,
                    heapAfter >> 20,
                    perSocketKb,
                    met(perSocketKb <= 20),
                    ProcReadings.rssBytes(app.pid()) >> 20);
            ConcurrentLinkedQueue<Long> lateness = new ConcurrentLinkedQueue<>();
            CountDownLatch allDelivered = new CountDownLatch(sockets.size());
            sockets.forEach(socket -> socket.recordInto(lateness, SYNCS, allDelivered));
            double withSockets = medianSyncSeconds(app, mailboxId, () -> awaitAll(allDelivered));
            double ratio = withSockets / alone;
            System.out.printf(
                    "live no-op sync with %d sockets: %.3f s, %.2fx the time with none (target <= 1.3x): %s%n",
                    count, withSockets, ratio, met(ratio <= 1.3));
            long[] late = lateness.stream().mapToLong(Long::longValue).sorted().toArray();
            long p99 = percentile(late, 99);
            System.out.printf(
                    "live fan-out to %d sockets: %d steps delivered, lateness p50 %d ms, p99 %d ms, max %d ms"
                            + " (target p99 <= 1000 ms): %s%n",
                    count,
                    late.length,
                    percentile(late, 50),
                    p99,
                    late.length == 0 ? 0 : late[late.length - 1],
                    met(late.length > 0 && p99 <= 1000));
            sockets.forEach(StatusSocket::close);
        }
    }

    /** Runs SYNCS syncs one after another; answers the median time of syncMailbox, each awaited until delivered. */
    private static double medianSyncSeconds(JarApp app, UUID mailboxId, Runnable awaitDelivered) {
        double[] times = new double[SYNCS];
        for (int i = 0; i < SYNCS; i++) {
            long start = System.nanoTime();
            JsonNode status = app.syncMailbox(mailboxId);
            times[i] = (System.nanoTime() - start) / 1e9;
            if (!"SUCCEEDED".equals(status.path("state").asString())) {
                throw new IllegalStateException("The sync ended " + status);
            }
        }
        if (awaitDelivered != null) {
            awaitDelivered.run();
        }
        Arrays.sort(times);
        return times[SYNCS / 2];
    }

    /** Waits until every socket saw its SUCCEEDED steps (the fan-out may lag the syncs). */
    private static void awaitAll(CountDownLatch allDelivered) {
        try {
            if (!allDelivered.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException(
                        allDelivered.getCount() + " sockets did not see every SUCCEEDED step within 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static String met(boolean met) {
        return met ? "met" : "missed";
    }

    /** One graphql-transport-ws socket: init with the token, subscribe, then count the steps and how late they came. */
    private static final class StatusSocket implements WebSocket.Listener {

        private final String token;
        private final UUID mailboxId;
        private final CountDownLatch subscribed;
        private final Runnable opened;
        private final StringBuilder partial = new StringBuilder();
        private final AtomicInteger succeeded = new AtomicInteger();
        private volatile ConcurrentLinkedQueue<Long> lateness;
        private volatile int expectedSucceeded;
        private volatile CountDownLatch delivered;
        private volatile boolean first = true;
        private volatile WebSocket socket;
        private volatile Throwable failure;

        StatusSocket(String token, UUID mailboxId, CountDownLatch subscribed, Runnable opened) {
            this.token = token;
            this.mailboxId = mailboxId;
            this.subscribed = subscribed;
            this.opened = opened;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token)));
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode message = JSON.readTree(partial.toString());
                partial.setLength(0);
                handle(message, System.currentTimeMillis());
            }
            webSocket.request(1);
            return null;
        }

        private void handle(JsonNode message, long receivedAt) {
            switch (message.path("type").asString()) {
                case "connection_ack" ->
                    send(Map.of(
                            "id", "1",
                            "type", "subscribe",
                            "payload", Map.of("query", SUBSCRIPTION, "variables", Map.of("id", mailboxId.toString()))));
                case "next" -> {
                    JsonNode status = message.path("payload").path("data").path("mailboxSyncStatus");
                    if (first) {
                        first = false;
                        opened.run();
                        subscribed.countDown();
                        return;
                    }
                    ConcurrentLinkedQueue<Long> into = lateness;
                    if (into != null) {
                        into.add(receivedAt
                                - Instant.parse(status.path("at").asString()).toEpochMilli());
                    }
                    if ("SUCCEEDED".equals(status.path("state").asString())) {
                        if (succeeded.incrementAndGet() == expectedSucceeded) {
                            delivered.countDown();
                        }
                    }
                }
                case "ping" -> send(Map.of("type", "pong"));
                default -> failed(new IllegalStateException("Unexpected message " + message));
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (first) {
                failed(new IllegalStateException("Closed before subscribing: " + statusCode + " " + reason));
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            failed(error);
        }

        /** From now on: each step's lateness into the queue, and a count-down once this many SUCCEEDED arrived. */
        void recordInto(ConcurrentLinkedQueue<Long> queue, int succeededSteps, CountDownLatch allDelivered) {
            expectedSucceeded = succeededSteps;
            delivered = allDelivered;
            lateness = queue;
        }

        void failed(Throwable error) {
            if (failure == null) {
                failure = error;
                if (first) {
                    first = false;
                    opened.run();
                    subscribed.countDown();
                }
            }
        }

        boolean hasFailed() {
            return failure != null;
        }

        void close() {
            WebSocket open = socket;
            if (open != null) {
                open.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(ignored -> null);
            }
        }

        private void send(Map<String, Object> message) {
            socket.sendText(JSON.writeValueAsString(message), true).exceptionally(error -> {
                failed(error);
                return null;
            });
        }
    }

    /** Diagnostics on the app's heap: which classes grew with the sockets. */
    static final class Heap {
        private Heap() {}

        /** Diagnostics: the classes whose instances grew most between two histograms, per socket. */
        static void printGrowth(String before, String after, int sockets) {
            Map<String, long[]> was = histogram(before);
            histogram(after).entrySet().stream()
                    .map(entry -> {
                        long[] old = was.getOrDefault(entry.getKey(), new long[2]);
                        return Map.entry(
                                entry.getKey(),
                                new long[] {entry.getValue()[0] - old[0], entry.getValue()[1] - old[1]});
                    })
                    .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                    .limit(45)
                    .forEach(entry -> System.out.printf(
                            "histogram %8.2f instances %8.0f bytes a socket  %s%n",
                            entry.getValue()[0] / (double) sockets,
                            entry.getValue()[1] / (double) sockets,
                            entry.getKey()));
        }

        private static Map<String, long[]> histogram(String text) {
            Map<String, long[]> classes = new java.util.HashMap<>();
            text.lines()
                    .map(String::trim)
                    .filter(line -> line.matches("\\d+:\\s+\\d+\\s+\\d+\\s+.*"))
                    .forEach(line -> {
                        String[] parts = line.split("\\s+");
                        classes.put(parts[3], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
                    });
            return classes;
        }
    }
}
