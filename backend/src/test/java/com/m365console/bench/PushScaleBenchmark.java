package com.m365console.bench;

import com.m365console.M365ConsoleApplication;
import com.m365console.platform.crypto.SecretCipher;
import com.m365console.support.RegisteredApp;
import com.m365console.support.SeededMailboxes;
import com.m365console.support.Sessions;
import com.m365console.testsupport.dovecot.DovecotServer;
import com.m365console.testsupport.microsoft.FakeMicrosoftIdentityPlatform;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Push latency and push at scale against Dovecot, the app measured as shipped: seeds N connected mailboxes into the
 * database (with this JVM's copy of the app, which then only answers queries), starts the packaged jar
 * ({@code java -Xmx256m -jar}) on the same database, data directory and peers, waits until it watches every INBOX in
 * IDLE, reads its threads, heap after a full GC and RSS, then times appended messages on a few of the mailboxes
 * ({@link PushLatencyProbe}). Args: mailboxes, messages, mailboxes timed, jar.
 */
public final class PushScaleBenchmark {

    private static final String TENANT = "3f0b6a52-1d3c-4e8f-9a27-6c5d4b3a2f10";
    private static final String SECRET =
            "Bnch8Q~" + UUID.randomUUID().toString().replace("-", "");
    private static final String ADMIN = "push-bench";
    private static final String PASSWORD = "push-bench-password-" + UUID.randomUUID();
    private static final Duration ALL_WATCHING = Duration.ofMinutes(15);

    private PushScaleBenchmark() {}

    public static void main(String[] args) throws Exception {
        int mailboxes = Integer.parseInt(args[0]);
        int messages = Integer.parseInt(args[1]);
        int timed = Math.min(Integer.parseInt(args[2]), mailboxes);
        Path jar = Path.of(args[3]).toAbsolutePath();
        FakeMicrosoftIdentityPlatform microsoft =
                FakeMicrosoftIdentityPlatform.start().addTenant(TENANT, "contoso.com");
        SeededMailboxes.addAccounts(microsoft, TENANT, mailboxes);
        String clientId = UUID.randomUUID().toString();
        microsoft.registerApp(clientId, SECRET, TENANT, false, "http://localhost/login/oauth2/code/microsoft");
        DovecotServer dovecot = DovecotServer.start(microsoft.introspectionUrl(), mailboxes + 2 * timed + 20);
        Path dataDir = Files.createDirectories(Path.of("backend/target/push-bench-data"))
                .toAbsolutePath();
        Process app = null;
        try (ConfigurableApplicationContext seed = startSeedApp(microsoft, dovecot, dataDir)) {
            DatabaseClient db = seed.getBean(DatabaseClient.class);
            List<UUID> ids = seed(seed, microsoft, clientId, mailboxes);
            String apiToken = new Sessions(seed.getEnvironment())
                    .signIn(ADMIN, PASSWORD)
                    .graphQl()
                    .document("mutation { createApiToken(input: {name: \"push bench\"}) { secret } }")
                    .execute()
                    .path("createApiToken.secret")
                    .entity(String.class)
                    .get();

            int port = freePort();
            long started = System.nanoTime();
            app = startJar(jar, port, seed, microsoft, dovecot, dataDir);
            awaitServing(app, port);
            awaitAllWatching(db, mailboxes);
            double watchingAfter = (System.nanoTime() - started) / 1e9;
            Footprint footprint = Footprint.of(app.pid());
            System.out.printf(
                    "push at scale: %d mailboxes WATCHING %.0f s after start; app threads %d; heap after GC %d MB;"
                            + " RSS %d MB (target <= 256 MB heap, threads bounded): %s%n",
                    mailboxes,
                    watchingAfter,
                    footprint.threads(),
                    footprint.heapAfterGcMb(),
                    footprint.rssMb(),
                    footprint.heapAfterGcMb() <= 256 ? "met" : "not met");

            List<Integer> probed = new ArrayList<>();
            for (int i = 0; i < timed; i++) {
                probed.add((int) ((long) i * mailboxes / timed));
            }
            PushLatencyProbe probe = new PushLatencyProbe(
                    "ws://localhost:" + port + "/graphql", apiToken, dovecot.host(), dovecot.imapPort());
            PushLatencyProbe.Figures figures = probe.run(
                    probed.stream().map(n -> ids.get(n)).toList(),
                    probed.stream().map(SeededMailboxes::address).toList(),
                    address -> microsoft.issueAccessToken(
                            clientId, address, "https://outlook.office.com/IMAP.AccessAsUser.All"),
                    messages);
            System.out.println(figures.line(mailboxes));
        } finally {
            if (app != null) {
                app.destroy();
                if (!app.waitFor(20, TimeUnit.SECONDS)) {
                    app.destroyForcibly();
                }
            }
            dovecot.close();
            microsoft.close();
        }
        System.exit(0);
    }

    /** This JVM's app: migrates, seeds and answers the benchmark's queries; it pushes nothing itself. */
    private static ConfigurableApplicationContext startSeedApp(
            FakeMicrosoftIdentityPlatform microsoft, DovecotServer dovecot, Path dataDir) {
        return new SpringApplicationBuilder(M365ConsoleApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--m365.data-dir=" + dataDir,
                        "--m365.microsoft.authority-host=" + microsoft.authority(),
                        "--m365.mail.imap.host=" + dovecot.host(),
                        "--m365.mail.imap.port=" + dovecot.imapPort(),
                        "--m365.mail.imap.security=NONE",
                        "--m365.sync.push.enabled=false",
                        "--logging.level.root=WARN");
    }

    /** Empties the app's tables, adds the admin, the Microsoft settings with Email Sync on, and the mailboxes. */
    private static List<UUID> seed(
            ConfigurableApplicationContext seed, FakeMicrosoftIdentityPlatform microsoft, String clientId, int count) {
        DatabaseClient db = seed.getBean(DatabaseClient.class);
        db.sql("truncate system_setting_change, system_setting, app_user, mailbox, sync_lease, push_instance cascade")
                .then()
                .block();
        UUID owner = db.sql("insert into app_user (username, display_name, role, password_hash) "
                        + "values (:username, 'Push bench', 'ADMIN', :hash) returning id")
                .bind("username", ADMIN)
                .bind("hash", seed.getBean(PasswordEncoder.class).encode(PASSWORD))
                .map(row -> row.get(0, UUID.class))
                .one()
                .block();
        RegisteredApp.saveWithEmailSync(
                new Sessions(seed.getEnvironment()).graphQl(ADMIN, PASSWORD), clientId, SECRET, TENANT);
        return SeededMailboxes.create(db, seed.getBean(SecretCipher.class), microsoft, clientId, owner, 0, count);
    }

    private static Process startJar(
            Path jar,
            int port,
            ConfigurableApplicationContext seed,
            FakeMicrosoftIdentityPlatform microsoft,
            DovecotServer dovecot,
            Path dataDir)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--spring.r2dbc.url=" + seed.getEnvironment().getRequiredProperty("spring.r2dbc.url"),
                "--spring.r2dbc.username=" + seed.getEnvironment().getProperty("spring.r2dbc.username", "postgres"),
                "--m365.data-dir=" + dataDir,
                "--m365.microsoft.authority-host=" + microsoft.authority(),
                "--m365.mail.imap.host=" + dovecot.host(),
                "--m365.mail.imap.port=" + dovecot.imapPort(),
                "--m365.mail.imap.security=NONE",
                "--m365.sync.schedule-check-interval=PT24H",
                "--m365.mailbox.refresh-check-interval=PT24H",
                "--m365.sync.push.check-interval=PT10S",
                "--logging.level.root=WARN",
                "--logging.level.com.m365console.sync=INFO"));
        String password = seed.getEnvironment().getProperty("spring.r2dbc.password");
        if (password != null && !password.isEmpty()) {
            command.add("--spring.r2dbc.password=" + password);
        }
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Path.of("backend/target/push-bench-app.log").toFile())
                .start();
    }

    private static void awaitServing(Process app, int port) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("The app exited: see backend/target/push-bench-app.log");
            }
            try {
                HttpResponse<Void> answer = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                app.waitFor(250, TimeUnit.MILLISECONDS);
            }
        }
        throw new IllegalStateException("The app did not serve HTTP within 3 minutes");
    }

    /** Until every mailbox's push state is WATCHING under a live lease (what Mailbox.push shows). */
    private static void awaitAllWatching(DatabaseClient db, int count) throws InterruptedException {
        long deadline = System.nanoTime() + ALL_WATCHING.toNanos();
        long watching = 0;
        while (System.nanoTime() < deadline) {
            watching = db.sql("select count(*) from mailbox_push p join sync_lease l on l.mailbox_id = p.mailbox_id "
                            + "and l.purpose = 'PUSH' and l.holder = p.holder and l.expires_at > now() "
                            + "where p.state = 'WATCHING'")
                    .map(row -> row.get(0, Long.class))
                    .one()
                    .block();
            if (watching == count) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(
                "Only " + watching + " of " + count + " mailboxes WATCHING after " + ALL_WATCHING);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The app process's OS threads, heap in use after a full GC (jcmd) and resident memory. */
    private record Footprint(int threads, long heapAfterGcMb, long rssMb) {

        static Footprint of(long pid) throws Exception {
            long heapKb = Jcmd.heapUsedAfterGc(pid) / 1024;
            String status = Files.readString(Path.of("/proc/" + pid + "/status"));
            return new Footprint(
                    (int) field(status, "Threads:"), heapKb < 0 ? -1 : heapKb / 1024, field(status, "VmRSS:") / 1024);
        }

        private static long field(String status, String name) {
            return status.lines()
                    .filter(line -> line.startsWith(name))
                    .map(line -> line.substring(name.length()).trim().split("\\s+")[0])
                    .mapToLong(Long::parseLong)
                    .findFirst()
                    .orElse(-1);
        }
    }
}
