package com.m365console.mail;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/** Turns the fetched octets of a text part into a String: transfer decoding, size limit, lenient charset. */
final class BodyDecoder {

    private static final Charset WINDOWS_1252 = orLatin1(lookup("windows-1252"));

    private BodyDecoder() {}

    /** A decoded body; truncated when it was cut at the size limit (at a character boundary). */
    record Text(String text, boolean truncated) {}

    /** How many raw octets to fetch so that about {@code maxBytes} remain decoded (base64 lines of 64+ chars). */
    static int fetchLimit(String transferEncoding, int maxBytes) {
        long limit = switch (lower(transferEncoding)) {
            case "base64" -> (maxBytes + 2L) / 3 * 4 * 66 / 64 + 8;
            case "quoted-printable" -> maxBytes * 2L;
            default -> maxBytes;
        };
        return (int) Math.min(limit, Integer.MAX_VALUE - 1);
    }

    /** Decodes what a partial fetch of {@code fetchLimit + 1} octets returned; more than the limit means cut. */
    static Text decode(byte[] fetched, int fetchLimit, String transferEncoding, String charset, int maxBytes) {
        boolean cut = fetched.length > fetchLimit;
        byte[] raw = cut ? Arrays.copyOf(fetched, fetchLimit) : fetched;
        byte[] octets = switch (lower(transferEncoding)) {
            case "base64" -> base64(raw);
            case "quoted-printable" -> quotedPrintable(raw);
            default -> raw;
        };
        boolean truncated = cut || octets.length > maxBytes;
        if (octets.length > maxBytes) {
            octets = Arrays.copyOf(octets, maxBytes);
        }
        return new Text(text(octets, charset, !truncated), truncated);
    }

    /** Declared charset when Java knows it, else UTF-8 if valid, else Windows-1252 (which never fails). */
    static String text(byte[] octets, String charset, boolean complete) {
        Charset declared = charset == null ? null : lookup(charset);
        boolean ascii = declared == null || declared.equals(StandardCharsets.US_ASCII);
        if (declared != null && declared.equals(StandardCharsets.ISO_8859_1)) {
            declared = WINDOWS_1252;
        }
        if (!ascii || !hasHighBytes(octets)) {
            return decode(octets, lenient(declared == null ? StandardCharsets.UTF_8 : declared), complete);
        }
        try {
            return decode(octets, StandardCharsets.UTF_8.newDecoder(), complete);
        } catch (IllegalStateException e) {
            return decode(octets, lenient(WINDOWS_1252), complete);
        }
    }

    private static String decode(byte[] octets, CharsetDecoder decoder, boolean complete) {
        ByteBuffer in = ByteBuffer.wrap(octets);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(octets.length * (double) decoder.maxCharsPerByte()) + 16);
        CoderResult result = decoder.decode(in, out, complete);
        if (complete && !result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            try {
                result.throwException();
            } catch (CharacterCodingException e) {
                throw new IllegalStateException("not " + decoder.charset().name(), e);
            }
        }
        return out.flip().toString();
    }

    private static CharsetDecoder lenient(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    /** Ignores line breaks and junk, stops at padding, and drops a dangling last character of a cut body. */
    private static byte[] base64(byte[] raw) {
        byte[] clean = new byte[raw.length];
        int length = 0;
        for (byte b : raw) {
            if (b == '=') {
                break;
            }
            if (b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '+' || b == '/') {
                clean[length++] = b;
            }
        }
        if (length % 4 == 1) {
            length--;
        }
        return Base64.getDecoder().decode(Arrays.copyOf(clean, length));
    }

    /** As Jakarta Mail decodes it, in one pass unless an escape needs that decoder's leniency. */
    static byte[] quotedPrintable(byte[] raw) {
        byte[] out = new byte[raw.length];
        int length = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == ' ') {
                int end = i;
                while (end < raw.length && raw[end] == ' ') {
                    end++;
                }
                boolean trailing = end == raw.length || raw[end] == '\r' || raw[end] == '\n';
                while (!trailing && i < end) {
                    out[length++] = raw[i++];
                }
                i = end - 1;
            } else if (raw[i] != '=') {
                out[length++] = raw[i];
            } else if (i + 1 < raw.length && raw[i + 1] == '\n') {
                i++;
            } else if (i + 2 < raw.length && raw[i + 1] == '\r' && raw[i + 2] == '\n') {
                i += 2;
            } else if (hex(raw, i + 1) >= 0 && hex(raw, i + 2) >= 0) {
                out[length++] = (byte) (hex(raw, i + 1) << 4 | hex(raw, i + 2));
                i += 2;
            } else {
                return lenientQuotedPrintable(raw);
            }
        }
        return Arrays.copyOf(out, length);
    }

    private static int hex(byte[] raw, int at) {
        return at < raw.length ? Character.digit(raw[at] & 0xff, 16) : -1;
    }

    /** Jakarta Mail's decoder is lenient with bad escapes; whatever decoded before a failure is kept. */
    static byte[] lenientQuotedPrintable(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(raw), "quoted-printable")) {
            for (int b = in.read(); b != -1; b = in.read()) {
                out.write(b);
            }
        } catch (Exception e) {
            return out.toByteArray();
        }
        return out.toByteArray();
    }

    private static boolean hasHighBytes(byte[] octets) {
        for (byte b : octets) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    /** Java's own name first: Jakarta Mail's alias map would turn us-ascii into ISO-8859-1. */
    static Charset lookup(String name) {
        String clean = name.strip().replace("\"", "");
        for (String candidate : new String[] {clean, MimeUtility.javaCharset(clean)}) {
            try {
                return Charset.forName(candidate);
            } catch (RuntimeException e) {
                continue;
            }
        }
        return null;
    }

    private static Charset orLatin1(Charset charset) {
        return charset == null ? StandardCharsets.ISO_8859_1 : charset;
    }

    private static String lower(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }
}
