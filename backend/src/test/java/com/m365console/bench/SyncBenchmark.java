package com.m365console.bench;

import com.m365console.sync.MailboxSynchronizer;
import com.m365console.sync.SyncStatus;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Sync throughput and peak heap: synchronises the {@link BenchMailServer} mailbox with the app's own
 * synchroniser into PostgreSQL, and reads the same messages with a plain Jakarta Mail batch-FETCH loop for
 * comparison. Prints the figures; run through bench/run.
 */
public final class SyncBenchmark {

    private static final int PLAIN_BATCH = 200;

    private SyncBenchmark() {}

    /** Args: IMAP port, message count. */
    public static void main(String[] args) throws Exception {
        int imapPort = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        try (ConfigurableApplicationContext app = BenchMailbox.startApp(imapPort)) {
            UUID mailboxId = BenchMailbox.create(app, BenchMailServer.ADDRESS);

            long plainStart = System.nanoTime();
            int plainRead = plainFetchLoop(imapPort);
            double plainSeconds = (System.nanoTime() - plainStart) / 1e9;

            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
            Thread sampler = new Thread(
                    () -> {
                        while (!Thread.currentThread().isInterrupted()) {
                            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                            try {
                                Thread.sleep(10);
                            } catch (InterruptedException ex) {
                                return;
                            }
                        }
                    },
                    "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
            long syncStart = System.nanoTime();
            SyncStatus status = app.getBean(MailboxSynchronizer.class)
                    .sync(mailboxId)
                    .block(Duration.ofMinutes(30))
                    .status(mailboxId);
            double syncSeconds = (System.nanoTime() - syncStart) / 1e9;
            sampler.interrupt();

            long stored = app.getBean(DatabaseClient.class)
                    .sql("select count(*) from mail_message")
                    .map(row -> row.get(0, Long.class))
                    .one()
                    .block();
            double syncRate = stored / syncSeconds;
            double plainRate = plainRead / plainSeconds;
            System.out.printf(
                    "sync result: %s, %d messages stored%s%n",
                    status.state(), stored, status.reason() == null ? "" : " (" + status.reason() + ")");
            System.out.printf(
                    "sync throughput: %d messages in %.2f s = %.0f messages/s%n", stored, syncSeconds, syncRate);
            System.out.printf(
                    "plain Jakarta Mail batch-FETCH loop: %d messages in %.2f s = %.0f messages/s%n",
                    plainRead, plainSeconds, plainRate);
            System.out.printf("ratio sync / plain loop: %.2f (target >= 0.8)%n", syncRate / plainRate);
            System.out.printf("peak heap during the sync: %d MB (target < 512 MB)%n", peak.get() / (1024 * 1024));
            if (stored != count) {
                throw new IllegalStateException("expected " + count + " stored messages, found " + stored);
            }
        }
        System.exit(0);
    }

    /**
     * The baseline: each batch of messages in one FETCH (envelope, flags, size, structure and the whole message),
     * then their text parts read from what was fetched.
     */
    private static int plainFetchLoop(int imapPort) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imap.auth.mechanisms", "XOAUTH2");
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect("127.0.0.1", imapPort, BenchMailServer.ADDRESS, BenchMailServer.TOKEN);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int total = inbox.getMessageCount();
            FetchProfile profile = new FetchProfile();
            profile.add(FetchProfile.Item.ENVELOPE);
            profile.add(FetchProfile.Item.FLAGS);
            profile.add(FetchProfile.Item.CONTENT_INFO);
            profile.add(FetchProfile.Item.SIZE);
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(IMAPFolder.FetchProfileItem.MESSAGE);
            int read = 0;
            for (int start = 1; start <= total; start += PLAIN_BATCH) {
                Message[] batch = inbox.getMessages(start, Math.min(total, start + PLAIN_BATCH - 1));
                inbox.fetch(batch, profile);
                for (Message message : batch) {
                    readText(message);
                    read++;
                }
            }
            inbox.close(false);
            return read;
        } finally {
            store.close();
        }
    }

    private static void readText(Part part) throws Exception {
        if (part.isMimeType("text/*")) {
            part.getContent();
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                Part child = multipart.getBodyPart(i);
                if (!Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
                    readText(child);
                }
            }
        }
    }
}
