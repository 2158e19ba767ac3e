package com.m365console.mail;

import jakarta.mail.Address;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.StoreClosedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPMessage;

/** Builds a FetchedMessage from a prefetched message and its fetched bodies, each field falling back on its own. */
final class MessageReader {

    private static final Session LOCAL = Session.getInstance(new Properties());

    private MessageReader() {}

    static FetchedMessage read(
            IMAPMessage message, long uid, MessageStructure structure, Map<String, byte[]> octets, int maxBodyBytes)
            throws MessagingException {
        MimeMessage envelope = envelope(message);
        BodyDecoder.Text text = body(structure.text(), octets, maxBodyBytes);
        BodyDecoder.Text html = body(structure.html(), octets, maxBodyBytes);
        boolean truncated = structure == MessageStructure.UNKNOWN
                || text != null && text.truncated()
                || html != null && html.truncated();
        return new FetchedMessage(
                uid,
                messageId(message, "Message-ID", envelope::getMessageID),
                messageId(
                        message,
                        "In-Reply-To",
                        () -> envelope instanceof IMAPMessage parsed
                                ? parsed.getInReplyTo()
                                : envelope.getHeader("In-Reply-To", " ")),
                Lenient.orNull(() -> MailText.decodeWords(envelope.getSubject())),
                addresses(Lenient.orNull(envelope::getFrom)).stream()
                        .findFirst()
                        .orElse(null),
                addresses(Lenient.orNull(() -> envelope.getRecipients(RecipientType.TO))),
                addresses(Lenient.orNull(() -> envelope.getRecipients(RecipientType.CC))),
                utc(Lenient.orNull(envelope::getSentDate)),
                utc(Lenient.orNull(message::getReceivedDate)),
                Math.max(Lenient.or(message::getSize, 0), 0),
                MessageFlag.of(Lenient.orNull(message::getFlags)),
                text == null ? null : text.text(),
                html == null ? null : html.text(),
                truncated,
                structure.attachments());
    }

    /**
     * The message itself when Angus parsed its ENVELOPE; else (Angus drops an ENVELOPE it cannot parse, and would
     * retry it for every getter) a local message parsed from the raw header, fetched once.
     */
    private static MimeMessage envelope(IMAPMessage message) throws MessagingException {
        try {
            message.getSentDate();
            return message;
        } catch (FolderClosedException | StoreClosedException | IllegalStateException connectionGone) {
            throw connectionGone;
        } catch (MessagingException | RuntimeException unparsable) {
            return Lenient.or(() -> parsedHeader(message), message);
        }
    }

    private static MimeMessage parsedHeader(IMAPMessage message) throws MessagingException {
        StringBuilder header = new StringBuilder();
        for (Enumeration<String> lines = message.getAllHeaderLines(); lines.hasMoreElements(); ) {
            header.append(lines.nextElement()).append("\r\n");
        }
        byte[] octets = header.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        return new MimeMessage(LOCAL, new ByteArrayInputStream(octets));
    }

    /** A body the server did not return counts as truncated, so the caller knows the stored text is incomplete. */
    private static BodyDecoder.Text body(MessageStructure.TextPart part, Map<String, byte[]> octets, int maxBytes) {
        if (part == null) {
            return null;
        }
        byte[] fetched = octets.get(MessageBatch.section(part.section()));
        if (fetched == null) {
            return new BodyDecoder.Text(null, true);
        }
        try {
            return BodyDecoder.decode(
                    fetched,
                    BodyDecoder.fetchLimit(part.encoding(), maxBytes),
                    part.encoding(),
                    part.charset(),
                    maxBytes);
        } catch (RuntimeException e) {
            return new BodyDecoder.Text(BodyDecoder.text(fetched, null, false), true);
        }
    }

    /** The prefetched header, else the envelope's (or parsed header's) copy. */
    private static String messageId(IMAPMessage message, String name, Lenient.Read<String> envelope)
            throws MessagingException {
        String value = Lenient.orNull(() -> header(message, name));
        return MailText.messageId(value != null ? value : Lenient.orNull(envelope));
    }

    private static String header(IMAPMessage message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    /** Group syntax (e.g. "undisclosed-recipients:;") is flattened to its members. */
    private static List<MailAddress> addresses(Address[] addresses) {
        List<MailAddress> result = new ArrayList<>();
        if (addresses == null) {
            return result;
        }
        for (Address address : addresses) {
            if (!(address instanceof InternetAddress internet)) {
                continue;
            }
            if (internet.isGroup()) {
                try {
                    result.addAll(addresses(internet.getGroup(false)));
                } catch (Exception e) {
                    continue;
                }
            } else {
                String name = MailText.blankToNull(MailText.decodeWords(internet.getPersonal()));
                String mailbox = MailText.blankToNull(MailText.repairUtf8(internet.getAddress()));
                if (name != null || mailbox != null) {
                    result.add(new MailAddress(name, mailbox));
                }
            }
        }
        return result;
    }

    private static OffsetDateTime utc(Date date) {
        return date == null ? null : OffsetDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC);
    }
}
