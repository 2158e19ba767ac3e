package com.m365console.bench;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.Random;

/**
 * The benchmark's mail, the same for every peer: messages of realistic sizes and structure in 9 folders, as RFC 822
 * bytes (45 % plain text, 35 % text + HTML alternatives, 10 % with a 20-100 KB attachment, 10 % replies with a
 * quoted-printable body; a third with non-ASCII encoded-word subjects and sender names).
 */
public final class BenchMessages {

    /** The folders and the share of the mail each gets, in tenths of a percent (the server creates them all). */
    public static final List<String> FOLDERS = List.of(
            "INBOX",
            "Sent Items",
            "Archive",
            "Drafts",
            "Deleted Items",
            "Junk Email",
            "Clients",
            "Projects/2026",
            "Newsletters");

    private static final int[] PER_MILLE = {400, 150, 150, 30, 70, 50, 50, 50, 50};
    static final String[] NAMES = {
        "Jürgen Müller", "Zoë Brontë", "Łukasz Żółw", "Ana Núñez", "François Lefèvre", "田中 太郎", "Søren Kierkegård"
    };
    static final String[] SUBJECTS = {
        "Überprüfung des Angebots",
        "Réunion de l'équipe",
        "Płatność za fakturę",
        "Presupuesto año próximo",
        "見積もりの確認",
        "Møde om økonomi"
    };
    private static final String[] WORDS = {
        "quarterly", "report", "meeting", "budget", "review", "project", "client", "update", "invoice", "schedule",
        "design", "release", "team", "plan", "notes", "agenda", "forecast", "contract", "deadline", "résumé"
    };

    private final Session session = Session.getInstance(new Properties());
    private final Random random;
    private final String address;
    private int next;

    public BenchMessages(long seed, String address) {
        this(seed, address, 0);
    }

    /** Messages numbered from {@code firstIndex} on (their subjects and Message-IDs carry the number). */
    public BenchMessages(long seed, String address, int firstIndex) {
        this.random = new Random(seed);
        this.address = address;
        this.next = firstIndex;
    }

    /** The folder of the i-th message of {@code count}: blocks in {@link #FOLDERS} order, by their shares. */
    public static String folderOf(int i, int count) {
        long position = (long) i * 1000 / count;
        int sum = 0;
        for (int f = 0; f < FOLDERS.size(); f++) {
            sum += PER_MILLE[f];
            if (position < sum) {
                return FOLDERS.get(f);
            }
        }
        return FOLDERS.get(FOLDERS.size() - 1);
    }

    /** The next message's RFC 822 bytes. */
    public byte[] next() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            message(next++).writeTo(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private MimeMessage message(int i) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(session);
        boolean international = i % 3 == 0;
        String name = international ? NAMES[i % NAMES.length] : "Sender " + (i % 97);
        message.setFrom(new InternetAddress("sender" + (i % 97) + "@fabrikam.com", name, "UTF-8"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(address));
        if (i % 4 == 0) {
            message.addRecipient(Message.RecipientType.CC, new InternetAddress("team" + (i % 7) + "@contoso.com"));
        }
        String topic = international ? SUBJECTS[i % SUBJECTS.length] + " " : "";
        message.setSubject("Message " + i + ": " + topic + words(4), "UTF-8");
        message.setSentDate(new Date(1_700_000_000_000L + i * 60_000L));
        String text = words(150 + random.nextInt(1500));
        int kind = i % 20;
        if (kind < 9) {
            message.setText(text, "UTF-8");
        } else if (kind < 11) {
            message.setHeader("In-Reply-To", "<bench-" + (i - 1) + "@fabrikam.com>");
            message.setText("> " + text.replace(". ", ".\n> ") + "\nThanks — agreed.", "UTF-8");
            message.setHeader("Content-Transfer-Encoding", "quoted-printable");
        } else if (kind < 18) {
            message.setContent(alternative(text));
        } else {
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative(text));
            MimeBodyPart attachment = new MimeBodyPart();
            byte[] bytes = new byte[20_000 + random.nextInt(80_000)];
            random.nextBytes(bytes);
            attachment.setContent(bytes, "application/octet-stream");
            attachment.setFileName(international ? "Bericht-Übersicht-" + i + ".bin" : "report-" + i + ".bin");
            message.setContent(new MimeMultipart("mixed", body, attachment));
        }
        message.saveChanges();
        message.setHeader("Message-ID", "<bench-" + i + "@fabrikam.com>");
        return message;
    }

    private static MimeMultipart alternative(String text) throws MessagingException {
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(
                "<html><body><p>" + text.replace(". ", ".</p><p>") + "</p></body></html>", "text/html; charset=UTF-8");
        return new MimeMultipart("alternative", plain, html);
    }

    private String words(int count) {
        return words(random, count);
    }

    /** {@code count} of the benchmark's words, a full stop after every twelfth (also the Graph benchmark's text). */
    static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(i % 12 == 11 ? ". " : " ");
        }
        return text.toString().trim();
    }
}
