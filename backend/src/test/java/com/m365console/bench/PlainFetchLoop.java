package com.m365console.bench;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * The baseline a sync is held to: plain Jakarta Mail (Angus), one XOAUTH2 login, each folder read in batches of
 * 200 messages with one FETCH each (envelope, flags, size, structure, UID and the whole message, BODY.PEEK[]),
 * then the text parts parsed from what was fetched. Nothing is stored.
 */
final class PlainFetchLoop {

    private static final int BATCH = 200;

    /** Messages read, their bytes (RFC822.SIZE), wall-clock and CPU seconds of the reading thread. */
    record Result(int messages, long bytes, double seconds, double cpuSeconds) {}

    private PlainFetchLoop() {}

    static Result run(BenchPeers.Addresses peers, String accessToken, List<String> folders) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imap.auth.mechanisms", "XOAUTH2");
        properties.put("mail.imap.partialfetch", "false");
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long start = System.nanoTime();
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect("127.0.0.1", peers.imapPort(), peers.address(), accessToken);
        int read = 0;
        long bytes = 0;
        try {
            for (String name : folders) {
                Folder folder = store.getFolder(name);
                folder.open(Folder.READ_ONLY);
                int total = folder.getMessageCount();
                FetchProfile profile = new FetchProfile();
                profile.add(FetchProfile.Item.ENVELOPE);
                profile.add(FetchProfile.Item.FLAGS);
                profile.add(FetchProfile.Item.CONTENT_INFO);
                profile.add(FetchProfile.Item.SIZE);
                profile.add(UIDFolder.FetchProfileItem.UID);
                profile.add(IMAPFolder.FetchProfileItem.MESSAGE);
                for (int first = 1; first <= total; first += BATCH) {
                    Message[] batch = folder.getMessages(first, Math.min(total, first + BATCH - 1));
                    folder.fetch(batch, profile);
                    for (Message message : batch) {
                        readText(message);
                        bytes += message.getSize();
                        read++;
                    }
                }
                folder.close(false);
            }
        } finally {
            store.close();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
        return new Result(read, bytes, seconds, cpu);
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
