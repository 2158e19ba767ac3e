package com.m365console.bench;

import com.m365console.testsupport.microsoft.graph.FakeMailbox;
import com.m365console.testsupport.microsoft.graph.SeedMessage;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The Graph benchmark's mail, seeded into the look-alike's mailbox as {@link BenchMessages} is into Dovecot: the same
 * 9 folders (Clients, Projects/2026 and Newsletters added beside Exchange's defaults), the same shares, senders,
 * subjects and body sizes (45 % text, 10 % quoted replies, 35 % HTML, 10 % HTML with a 20-100 KB attachment), so
 * both transports carry like mail.
 */
final class GraphBenchMail {

    private final FakeMailbox mailbox;
    private final Map<String, String> folderIds = new LinkedHashMap<>();
    private final Random random = new Random(42);
    private int next;
    private long bodyChars;

    GraphBenchMail(FakeMailbox mailbox) {
        this.mailbox = mailbox;
        String root = mailbox.folderId("msgfolderroot");
        folderIds.put("INBOX", mailbox.folderId("inbox"));
        folderIds.put("Sent Items", mailbox.folderId("sentitems"));
        folderIds.put("Archive", mailbox.folderId("archive"));
        folderIds.put("Drafts", mailbox.folderId("drafts"));
        folderIds.put("Deleted Items", mailbox.folderId("deleteditems"));
        folderIds.put("Junk Email", mailbox.folderId("junkemail"));
        folderIds.put("Clients", mailbox.addFolder(root, "Clients"));
        folderIds.put("Projects/2026", mailbox.addFolder(mailbox.addFolder(root, "Projects"), "2026"));
        folderIds.put("Newsletters", mailbox.addFolder(root, "Newsletters"));
    }

    /** {@code count} messages over the 9 folders by {@link BenchMessages#folderOf}. */
    void seed(int count) {
        for (int i = 0; i < count; i++) {
            add(BenchMessages.folderOf(i, count));
        }
    }

    /** New mail as {@link BenchPeers#deliverNew}: INBOX 40 %, Sent Items, Archive 15 %, three others 10 % each. */
    void deliverNew(int count) {
        String[] folders = {"INBOX", "Sent Items", "Archive", "Clients", "Projects/2026", "Newsletters"};
        int[] cumulativePercent = {40, 55, 70, 80, 90, 100};
        for (int i = 0; i < count; i++) {
            int percent = i * 100 / count;
            int f = 0;
            while (percent >= cumulativePercent[f]) {
                f++;
            }
            add(folders[f]);
        }
    }

    /** The characters of the bodies seeded so far (HTML as sent). */
    long bodyChars() {
        return bodyChars;
    }

    private void add(String folder) {
        SeedMessage message = message(next++);
        bodyChars += message.body().length();
        mailbox.add(folderIds.get(folder), message);
    }

    private SeedMessage message(int i) {
        boolean international = i % 3 == 0;
        String name = international ? BenchMessages.NAMES[i % BenchMessages.NAMES.length] : "Sender " + (i % 97);
        String topic = international ? BenchMessages.SUBJECTS[i % BenchMessages.SUBJECTS.length] + " " : "";
        SeedMessage message = SeedMessage.of(
                        "Message " + i + ": " + topic + words(4), "sender" + (i % 97) + "@fabrikam.com")
                .from(name, "sender" + (i % 97) + "@fabrikam.com")
                .to(BenchPeers.ADDRESS)
                .receivedAt(Instant.ofEpochMilli(1_700_000_000_000L + i * 60_000L))
                .messageId("<bench-" + i + "@fabrikam.com>");
        if (i % 4 == 0) {
            message = message.cc("team" + (i % 7) + "@contoso.com");
        }
        String text = words(150 + random.nextInt(1500));
        int kind = i % 20;
        if (kind < 9) {
            return message.text(text);
        }
        if (kind < 11) {
            return message.inReplyTo("<bench-" + (i - 1) + "@fabrikam.com>")
                    .text("> " + text.replace(". ", ".\n> ") + "\nThanks — agreed.");
        }
        SeedMessage html = message.html("<html><body><p>" + text.replace(". ", ".</p><p>") + "</p></body></html>");
        if (kind < 18) {
            return html;
        }
        String file = international ? "Bericht-Übersicht-" + i + ".bin" : "report-" + i + ".bin";
        return html.attachment(file, "application/octet-stream", 20_000 + random.nextInt(80_000));
    }

    private String words(int count) {
        return BenchMessages.words(random, count);
    }
}
