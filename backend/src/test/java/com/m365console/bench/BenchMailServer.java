package com.m365console.bench;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Properties;
import java.util.Random;

/**
 * The IMAP server of the benchmarks, in its own JVM so it does not weigh on the measured heap: GreenMail with
 * one mailbox seeded with messages of realistic sizes (plain, HTML alternatives, some with attachments).
 */
public final class BenchMailServer {

    static final String ADDRESS = "bench@contoso.com";
    static final String TOKEN = "bench-access-token";
    /** The mailbox of the push-latency benchmark, with an INBOX of {@link #PUSH_SEEDED} messages to begin with. */
    static final String PUSH_ADDRESS = "push@contoso.com";

    static final int PUSH_SEEDED = 1_000;

    private BenchMailServer() {}

    /** Args: message count. Prints one line with the IMAP port once seeded, then serves until killed. */
    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        GreenMail mail = new GreenMail(new ServerSetup[] {ServerSetupTest.IMAP.dynamicPort()});
        mail.start();
        GreenMailUser user = mail.setUser(ADDRESS, ADDRESS, TOKEN);
        Session session = Session.getInstance(new Properties());
        Random random = new Random(42);
        for (int i = 0; i < count; i++) {
            user.deliver(message(session, random, i));
        }
        GreenMailUser pushUser = mail.setUser(PUSH_ADDRESS, PUSH_ADDRESS, TOKEN);
        for (int i = 0; i < PUSH_SEEDED; i++) {
            pushUser.deliver(message(session, random, i));
        }
        System.out.println("BenchMailServer imapPort=" + mail.getImap().getPort() + " messages=" + count);
        System.out.flush();
    }

    /** A message of realistic size: half plain text, 40 % text + HTML alternatives, 10 % with an attachment. */
    static MimeMessage message(Session session, Random random, int i) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("sender" + (i % 97) + "@fabrikam.com", "Sender " + (i % 97)));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(ADDRESS));
        message.setSubject("Message " + i + " about " + words(random, 4));
        message.setSentDate(new java.util.Date(1_700_000_000_000L + i * 60_000L));
        String text = words(random, 150 + random.nextInt(1500));
        int kind = i % 10;
        if (kind < 5) {
            message.setText(text, "utf-8");
            return message;
        }
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "utf-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(
                "<html><body><p>" + text.replace(". ", ".</p><p>") + "</p></body></html>", "text/html; charset=utf-8");
        MimeMultipart alternative = new MimeMultipart("alternative", plain, html);
        if (kind < 9) {
            message.setContent(alternative);
            return message;
        }
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        MimeBodyPart attachment = new MimeBodyPart();
        byte[] bytes = new byte[20_000 + random.nextInt(80_000)];
        random.nextBytes(bytes);
        attachment.setContent(bytes, "application/octet-stream");
        attachment.setFileName("report-" + i + ".bin");
        message.setContent(new MimeMultipart("mixed", body, attachment));
        return message;
    }

    private static String words(Random random, int count) {
        String[] vocabulary = {
            "quarterly",
            "report",
            "meeting",
            "budget",
            "review",
            "project",
            "client",
            "update",
            "invoice",
            "schedule",
            "design",
            "release",
            "team",
            "plan",
            "notes",
            "agenda"
        };
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(vocabulary[random.nextInt(vocabulary.length)]).append(i % 12 == 11 ? ". " : " ");
        }
        return text.toString().trim();
    }
}
