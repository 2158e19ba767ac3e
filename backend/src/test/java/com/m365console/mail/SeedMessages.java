package com.m365console.mail;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.activation.DataHandler;
import jakarta.mail.Flags;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/** Messages to seed into a GreenMail mailbox, one of each kind synchronisation must read. */
final class SeedMessages {

    static final Instant SENT = Instant.parse("2024-03-01T09:15:00Z");
    static final Instant RECEIVED = Instant.parse("2024-03-01T09:16:30Z");
    static final String LATIN1_TEXT = "Café crème, à bientôt. Zoë";

    private static final Session SESSION = Session.getInstance(new Properties());

    private SeedMessages() {}

    /** Appends {@code count} plain messages ("Message 1" ...) received at {@link #RECEIVED}; answers their UIDs. */
    static List<Long> appendPlain(MailFolder folder, int count) throws Exception {
        List<Long> uids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            uids.add(folder.appendMessage(
                    plain("plain-" + i, "Message " + i, "Body " + i), new Flags(), Date.from(RECEIVED)));
        }
        return uids;
    }

    static MimeMessage plain(String id, String subject, String text) throws Exception {
        MimeMessage message = base(id, subject);
        message.setText(text, "UTF-8");
        return saved(message);
    }

    static MimeMessage alternative() throws Exception {
        MimeMessage message = base("alternative", "Alternative");
        message.setContent(new MimeMultipart("alternative", text("Plain version"), html("<p>Rich version</p>")));
        return saved(message);
    }

    static MimeMessage mixed(byte[] pdf) throws Exception {
        MimeMessage message = base("mixed", "With attachments");
        MimeBodyPart report = new MimeBodyPart();
        report.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
        report.setFileName("report.pdf");
        report.setDisposition(Part.ATTACHMENT);
        MimeBodyPart logo = new MimeBodyPart();
        logo.setDataHandler(new DataHandler(new ByteArrayDataSource(new byte[] {1, 2, 3}, "image/png")));
        logo.setFileName("logo.png");
        logo.setDisposition(Part.INLINE);
        logo.setContentID("<logo@fabrikam.test>");
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(new MimeMultipart("alternative", text("See the report"), html("<p>See the report</p>")));
        message.setContent(new MimeMultipart(body, report, logo));
        return saved(message);
    }

    static MimeMessage latin1() throws Exception {
        MimeMessage message = base("latin1", null);
        message.setSubject("Réunion über café ☕ 日本", "UTF-8");
        message.setFrom(new InternetAddress("jose@fabrikam.test", "José Müller", "UTF-8"));
        message.setText(LATIN1_TEXT, "ISO-8859-1");
        return saved(message);
    }

    static MimeMessage htmlOnly() throws Exception {
        MimeMessage message = base("html", "HTML only");
        message.setText("<h1>Only HTML</h1>", "UTF-8", "html");
        return saved(message);
    }

    /** A message parsed from raw octets, for the malformed ones a well-behaved client would never build. */
    static MimeMessage raw(String source, String charset) {
        return GreenMailUtil.newMimeMessage(
                new ByteArrayInputStream(source.replace("\n", "\r\n").getBytes(Charset.forName(charset))));
    }

    private static MimeMessage base(String id, String subject) throws Exception {
        MimeMessage message = new MimeMessage(SESSION) {
            @Override
            protected void updateMessageID() {
                // Keep the Message-ID the test chose.
            }
        };
        message.setHeader("Message-ID", "<" + id + "@fabrikam.test>");
        message.setHeader("In-Reply-To", "<earlier@contoso.test>");
        message.setFrom(new InternetAddress("bob@fabrikam.test", "Bob Example", "UTF-8"));
        message.setRecipients(RecipientType.TO, "alice@contoso.test, Dave <dave@contoso.test>");
        message.setRecipients(RecipientType.CC, "carol@contoso.test");
        if (subject != null) {
            message.setSubject(subject, "UTF-8");
        }
        message.setSentDate(Date.from(SENT));
        return message;
    }

    private static MimeMessage saved(MimeMessage message) throws MessagingException {
        message.saveChanges();
        return message;
    }

    private static MimeBodyPart text(String text) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, StandardCharsets.UTF_8.name());
        return part;
    }

    private static MimeBodyPart html(String html) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(html, StandardCharsets.UTF_8.name(), "html");
        return part;
    }
}
