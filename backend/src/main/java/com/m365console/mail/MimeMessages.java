package com.m365console.mail;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Checks addresses and builds the MIME message to send, so bad input is refused before any connection is made. */
final class MimeMessages {

    private MimeMessages() {}

    /** Parses one address strictly; a bad one becomes INVALID_ADDRESS naming it. */
    static InternetAddress address(String raw) {
        String candidate = raw == null ? "" : raw.strip();
        try {
            InternetAddress address = new InternetAddress(candidate, true);
            address.validate();
            return address;
        } catch (AddressException e) {
            throw new MailServerException(
                    MailFailure.INVALID_ADDRESS,
                    "Invalid email address \"" + oneLine(candidate) + "\": " + e.getMessage());
        }
    }

    static List<InternetAddress> addresses(List<String> raw) {
        return raw.stream().map(MimeMessages::address).toList();
    }

    static List<String> recipients(OutgoingMessage message) {
        List<String> all = new ArrayList<>();
        for (List<String> list : List.of(message.to(), message.cc(), message.bcc())) {
            addresses(list).forEach(address -> all.add(address.getAddress()));
        }
        return all;
    }

    static MimeMessage compose(
            Session session, InternetAddress from, String fromName, OutgoingMessage message, OffsetDateTime sentAt)
            throws MessagingException {
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(withName(from, fromName));
        mime.setRecipients(RecipientType.TO, addresses(message.to()).toArray(InternetAddress[]::new));
        mime.setRecipients(RecipientType.CC, addresses(message.cc()).toArray(InternetAddress[]::new));
        mime.setRecipients(RecipientType.BCC, addresses(message.bcc()).toArray(InternetAddress[]::new));
        mime.setSubject(oneLine(message.subject()), StandardCharsets.UTF_8.name());
        mime.setSentDate(Date.from(sentAt.toInstant()));
        setBody(mime, message.text(), message.html());
        mime.saveChanges();
        return mime;
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    private static void setBody(MimeMessage mime, String text, String html) throws MessagingException {
        String utf8 = StandardCharsets.UTF_8.name();
        if (html == null || html.isEmpty()) {
            mime.setText(text == null ? "" : text, utf8);
        } else if (text == null || text.isEmpty()) {
            mime.setText(html, utf8, "html");
        } else {
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, utf8);
            MimeBodyPart rich = new MimeBodyPart();
            rich.setText(html, utf8, "html");
            mime.setContent(new MimeMultipart("alternative", plain, rich));
        }
    }

    private static InternetAddress withName(InternetAddress from, String name) {
        if (name == null || name.isBlank()) {
            return from;
        }
        try {
            return new InternetAddress(from.getAddress(), oneLine(name).strip(), StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String oneLine(String value) {
        return value == null ? "" : value.replaceAll("[\\r\\n]+", " ");
    }
}
