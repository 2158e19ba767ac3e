package com.m365console.mail;

import jakarta.mail.internet.MimeUtility;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lenient clean-up of header text read over IMAP: encoded-words, raw UTF-8 read as Latin-1, message-id tokens. */
final class MailText {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?[^?\\s]+\\?[bBqQ]\\?[^?\\s]*\\?=");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("(?<=\\?=)\\s+(?==\\?)");

    private MailText() {}

    /** Decodes RFC 2047 encoded-words one by one, keeping a malformed one (e.g. unknown charset) as it is. */
    static String decodeWords(String raw) {
        if (raw == null || !raw.contains("=?")) {
            return repairUtf8(raw);
        }
        Matcher word = ENCODED_WORD.matcher(BETWEEN_WORDS.matcher(raw).replaceAll(""));
        StringBuilder decoded = new StringBuilder();
        while (word.find()) {
            String text;
            try {
                text = MimeUtility.decodeWord(word.group());
            } catch (Exception e) {
                text = word.group();
            }
            word.appendReplacement(decoded, Matcher.quoteReplacement(text));
        }
        word.appendTail(decoded);
        return repairUtf8(decoded.toString());
    }

    /** IMAP strings arrive byte per char: raw (unencoded) UTF-8 in a header then reads as Latin-1 mojibake. */
    static String repairUtf8(String text) {
        if (text == null) {
            return null;
        }
        boolean high = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                return text;
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return text;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException e) {
            return text;
        }
    }

    /** The first {@code <id>} of a Message-ID or In-Reply-To value, else the trimmed value; null when blank. */
    static String messageId(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Matcher id = MESSAGE_ID.matcher(raw);
        return id.find() ? id.group() : raw.replaceAll("\\s+", " ").strip();
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
