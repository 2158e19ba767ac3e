package com.m365console.mail;

import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.MultipartDataSource;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimePart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text bodies (by IMAP section) and attachments of a prefetched BODYSTRUCTURE, read without a round trip. */
record MessageStructure(TextPart text, TextPart html, List<Attachment> attachments) {

    /** What a message whose structure could not be read counts as: no bodies, no attachments. */
    static final MessageStructure UNKNOWN = new MessageStructure(null, null, List.of());

    private static final Pattern BASE_TYPE = Pattern.compile("^\\s*([^/;\\s]+/[^;\\s]+)");
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)");

    /** A text body to fetch: IMAP section ("TEXT" for a single-part message), transfer encoding, charset. */
    record TextPart(String section, String encoding, String charset, long size) {}

    static MessageStructure of(MimePart message) throws MessagingException {
        Walker walker = new Walker();
        walker.walk(message, null);
        return new MessageStructure(walker.text, walker.html, List.copyOf(walker.attachments));
    }

    private static final class Walker {

        private TextPart text;
        private TextPart html;
        private final List<Attachment> attachments = new ArrayList<>();

        void walk(MimePart part, String section) throws MessagingException {
            String contentType = Lenient.orNull(part::getContentType);
            String type = baseType(contentType);
            if (type.startsWith("multipart/")) {
                DataSource source = part.getDataHandler().getDataSource();
                if (source instanceof MultipartDataSource parts) {
                    for (int i = 0; i < parts.getCount(); i++) {
                        if (parts.getBodyPart(i) instanceof MimePart child) {
                            walk(child, section == null ? String.valueOf(i + 1) : section + "." + (i + 1));
                        }
                    }
                }
                return;
            }
            String disposition = Lenient.orNull(part::getDisposition);
            String fileName = MailText.blankToNull(MailText.decodeWords(Lenient.orNull(part::getFileName)));
            boolean attached = Part.ATTACHMENT.equalsIgnoreCase(disposition) || fileName != null;
            boolean plain = type.equals("text/plain");
            boolean rich = type.equals("text/html");
            if (!attached && (plain || rich)) {
                TextPart body = new TextPart(
                        section == null ? "TEXT" : section,
                        Lenient.orNull(part::getEncoding),
                        charset(contentType),
                        Math.max(Lenient.or(part::getSize, 0), 0));
                if (plain && text == null) {
                    text = body;
                } else if (rich && html == null) {
                    html = body;
                }
                return;
            }
            boolean inline = Part.INLINE.equalsIgnoreCase(disposition)
                    || disposition == null && Lenient.orNull(part::getContentID) != null;
            attachments.add(new Attachment(fileName, type, decodedSize(part), inline));
        }

        /** BODYSTRUCTURE gives the encoded size; base64 carries 57 octets per 78-octet line. */
        private static long decodedSize(MimePart part) throws MessagingException {
            long size = Math.max(Lenient.or(part::getSize, 0), 0);
            String encoding = Lenient.orNull(part::getEncoding);
            return encoding != null && "base64".equalsIgnoreCase(encoding.strip()) ? size * 57 / 78 : size;
        }
    }

    static String baseType(String contentType) {
        if (contentType != null) {
            try {
                return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
            } catch (Exception e) {
                Matcher base = BASE_TYPE.matcher(contentType);
                if (base.find()) {
                    return base.group(1).toLowerCase(Locale.ROOT);
                }
            }
        }
        return "text/plain";
    }

    static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            return MailText.blankToNull(new ContentType(contentType).getParameter("charset"));
        } catch (Exception e) {
            Matcher charset = CHARSET.matcher(contentType);
            return charset.find() ? charset.group(1) : null;
        }
    }
}
