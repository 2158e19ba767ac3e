package com.m365console.bench;

import com.m365console.testsupport.dovecot.DovecotServer;
import com.m365console.testsupport.microsoft.FakeMicrosoftIdentityPlatform;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The peers of the jar benchmarks: the test identity platform (testsupport/microsoft) with one tenant and one
 * account, and Dovecot (testsupport/dovecot) checking that account's XOAUTH2 tokens with the platform, plus a PLAIN
 * login for peers without XOAUTH2 (mbsync). Seeds {@link BenchMessages}; in-process, or as a main that prints the
 * addresses on one line for scripts.
 */
public final class BenchPeers implements AutoCloseable {

    public static final String TENANT = "3b6f0c1e-8a2d-4e5f-9b7c-1d2e3f4a5b6c";
    public static final String ADDRESS = "bench@contoso.com";
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    private final FakeMicrosoftIdentityPlatform microsoft;
    private final DovecotServer dovecot;
    private final String plainPassword;
    private BenchMessages messages = new BenchMessages(42, ADDRESS);
    private volatile String newestAccessToken;
    private int delivered;
    private long deliveredBytes;

    private BenchPeers(FakeMicrosoftIdentityPlatform microsoft, DovecotServer dovecot, String plainPassword) {
        this.microsoft = microsoft;
        this.dovecot = dovecot;
        this.plainPassword = plainPassword;
        microsoft.onAccessTokenIssued((token, grant) -> {
            if (ADDRESS.equalsIgnoreCase(grant.email())) {
                newestAccessToken = token;
            }
        });
    }

    /** What a client of the peers needs, as one line of {@code name=value} pairs ({@link #parse} reads it back). */
    public record Addresses(
            String authority, int imapPort, int submissionPort, String tenant, String address, String plainPassword) {

        public String line() {
            return "BenchPeers authority=" + authority + " imapPort=" + imapPort + " submissionPort=" + submissionPort
                    + " tenant=" + tenant + " address=" + address + " plainPassword=" + plainPassword;
        }

        public static Addresses parse(String line) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String pair : line.trim().split(" ")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    values.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
            }
            return new Addresses(
                    values.get("authority"),
                    Integer.parseInt(values.get("imapPort")),
                    Integer.parseInt(values.get("submissionPort")),
                    values.get("tenant"),
                    values.get("address"),
                    values.get("plainPassword"));
        }
    }

    /**
     * Starts both. Also points Jakarta Mail at Angus's stream provider in this JVM (its generator and any client
     * here): otherwise each body part and header costs a ServiceLoader scan of the classpath (STACK-NOTES).
     */
    public static BenchPeers start() {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        FakeMicrosoftIdentityPlatform microsoft = FakeMicrosoftIdentityPlatform.start()
                .addTenant(TENANT, "contoso.com")
                .addAccount(TENANT, UUID.randomUUID().toString(), ADDRESS, "Bench User");
        String plainPassword = "plain-" + UUID.randomUUID();
        DovecotServer dovecot = DovecotServer.start(microsoft.introspectionUrl(), plainPassword);
        return new BenchPeers(microsoft, dovecot, plainPassword);
    }

    public Addresses addresses() {
        return new Addresses(
                microsoft.authority(), dovecot.imapPort(), dovecot.submissionPort(), TENANT, ADDRESS, plainPassword);
    }

    public FakeMicrosoftIdentityPlatform microsoft() {
        return microsoft;
    }

    public DovecotServer dovecot() {
        return dovecot;
    }

    /** The newest access token the platform issued for {@link #ADDRESS} (to the app), or null before the first. */
    public String newestAccessToken() {
        return newestAccessToken;
    }

    /**
     * Delivers {@code count} messages over the 9 folders by their shares, then lets Dovecot index them (and fill
     * its caches with envelopes and structures), so every peer finds the same warm server. Answers their bytes.
     * Generating takes about 10 ms a message, so the maildir is kept under {@code cache} (by count) and copied
     * from there by later runs; the messages are the same each time (a fixed seed).
     */
    public long seed(int count, Path cache) {
        Path maildir = cache.resolve("maildir-" + count);
        Path size = cache.resolve("maildir-" + count + ".bytes");
        try {
            if (Files.exists(size)) {
                dovecot.restoreMaildir(ADDRESS, maildir);
                delivered += count;
                deliveredBytes += Long.parseLong(Files.readString(size).trim());
                messages = new BenchMessages(42 + count, ADDRESS, count);
            } else {
                for (int i = 0; i < count; i++) {
                    deliver(BenchMessages.folderOf(i, count));
                }
                Files.createDirectories(cache);
                deleteTree(maildir);
                dovecot.copyMaildir(ADDRESS, maildir);
                Files.writeString(size, String.valueOf(deliveredBytes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        warmUp();
        return deliveredBytes;
    }

    private static void deleteTree(Path top) throws IOException {
        if (Files.exists(top)) {
            try (Stream<Path> paths = Files.walk(top)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /**
     * The incremental run's new mail: {@code count} messages into 6 of the 9 folders (INBOX 40 %, Sent Items and
     * Archive 15 % each, Clients, Projects/2026 and Newsletters 10 % each); Drafts, Deleted Items and Junk Email
     * get nothing. Answers their bytes.
     */
    public long deliverNew(int count) {
        String[] folders = {"INBOX", "Sent Items", "Archive", "Clients", "Projects/2026", "Newsletters"};
        int[] cumulativePercent = {40, 55, 70, 80, 90, 100};
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            int percent = i * 100 / count;
            int f = 0;
            while (percent >= cumulativePercent[f]) {
                f++;
            }
            bytes += deliver(folders[f]);
        }
        warmUp();
        return bytes;
    }

    /** Messages delivered so far and their bytes. */
    public int delivered() {
        return delivered;
    }

    public long deliveredBytes() {
        return deliveredBytes;
    }

    private long deliver(String folder) {
        byte[] message = messages.next();
        dovecot.deliver(ADDRESS, folder, message);
        delivered++;
        deliveredBytes += message.length;
        return message.length;
    }

    private void warmUp() {
        dovecot.doveadm("index", "-u", ADDRESS, "*");
        dovecot.doveadm("fetch", "-u", ADDRESS, "uid flags imap.envelope imap.bodystructure", "mailbox", "*", "all");
    }

    @Override
    public void close() {
        dovecot.close();
        microsoft.close();
    }

    /**
     * Args: message count (default 10,000), cache directory (default backend/target/bench-mail). Prints the {@link Addresses} line once seeded; then each line
     * {@code deliver N} on standard input delivers N new messages ({@link #deliverNew}) and prints
     * {@code delivered N bytes=B}. Stops at the end of standard input.
     */
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        try (BenchPeers peers = start()) {
            long bytes = peers.seed(count, Path.of(args.length > 1 ? args[1] : "backend/target/bench-mail"));
            System.out.println(peers.addresses().line() + " messages=" + count + " bytes=" + bytes);
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("deliver ")) {
                    int n = Integer.parseInt(line.substring("deliver ".length()).trim());
                    System.out.println("delivered " + n + " bytes=" + peers.deliverNew(n));
                    System.out.flush();
                }
            }
        }
        System.exit(0);
    }
}
