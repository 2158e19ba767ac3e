package com.m365console.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Transfer decoding, size limits at character boundaries and lenient charsets of text bodies. */
class BodyDecoderTest {

    @Test
    void declaredCharsetIsUsed() {
        assertThat(decode("Zoë".getBytes(StandardCharsets.ISO_8859_1), "7bit", "ISO-8859-1", 100))
                .isEqualTo(new BodyDecoder.Text("Zoë", false));
        assertThat(decode("日本".getBytes(Charset.forName("Shift_JIS")), "8bit", "\"shift_jis\"", 100)
                        .text())
                .isEqualTo("日本");
    }

    @Test
    void latin1IsReadAsWindows1252ForItsQuotes() {
        assertThat(decode(new byte[] {(byte) 0x93, 'h', 'i', (byte) 0x94}, "8bit", "iso-8859-1", 100)
                        .text())
                .isEqualTo("\u201chi\u201d");
    }

    @Test
    void unknownOrMissingOrAsciiCharsetFallsBackToUtf8ThenWindows1252() {
        byte[] utf8 = "Grüße".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "Grüße".getBytes(StandardCharsets.ISO_8859_1);
        for (String charset : new String[] {null, "x-bogus", "us-ascii", "not a charset!"}) {
            assertThat(decode(utf8, null, charset, 100).text()).isEqualTo("Grüße");
            assertThat(decode(latin1, null, charset, 100).text()).isEqualTo("Grüße");
        }
    }

    @Test
    void quotedPrintableDecodesInOnePassExactlyAsJakartaMailDoes() {
        byte[] alphabet = {'a', 'Z', ' ', ' ', '=', '=', '\r', '\n', '0', '9', 'c', 'F', 'g', '-', '\t', (byte) 0xE9};
        java.util.Random random = new java.util.Random(11);
        for (int run = 0; run < 20_000; run++) {
            byte[] raw = new byte[random.nextInt(24)];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = alphabet[random.nextInt(alphabet.length)];
            }
            assertThat(BodyDecoder.quotedPrintable(raw))
                    .as(new String(raw, StandardCharsets.ISO_8859_1))
                    .isEqualTo(BodyDecoder.lenientQuotedPrintable(raw));
        }
    }

    @Test
    void base64AndQuotedPrintableAreDecodedLeniently() {
        String base64 = Base64.getMimeEncoder().encodeToString("é".repeat(100).getBytes(StandardCharsets.UTF_8));
        assertThat(decode(base64.getBytes(StandardCharsets.US_ASCII), "BASE64", "utf-8", 1000))
                .isEqualTo(new BodyDecoder.Text("é".repeat(100), false));
        assertThat(decode("PGI+b2s8L2I+!!*".getBytes(StandardCharsets.US_ASCII), "base64", "utf-8", 100)
                        .text())
                .isEqualTo("<b>ok</b>");
        assertThat(decode(
                                "caf=C3=A9 =ZZ soft=\r\nbreak".getBytes(StandardCharsets.US_ASCII),
                                "quoted-printable",
                                "utf-8",
                                100)
                        .text())
                .isEqualTo("café =ZZ softbreak");
    }

    @Test
    void aBodyOverTheLimitIsCutAtACharacterBoundary() {
        BodyDecoder.Text cut = decode("aé日本".getBytes(StandardCharsets.UTF_8), "8bit", "utf-8", 5);

        assertThat(cut).isEqualTo(new BodyDecoder.Text("aé", true));
    }

    @Test
    void aFetchThatFilledItsLimitIsTruncatedEvenWhenItDecodesShort() {
        int limit = BodyDecoder.fetchLimit("base64", 30);
        String encoded = Base64.getMimeEncoder().encodeToString("x".repeat(300).getBytes(StandardCharsets.US_ASCII));
        byte[] fetched = encoded.substring(0, limit + 1).getBytes(StandardCharsets.US_ASCII);

        BodyDecoder.Text text = BodyDecoder.decode(fetched, limit, "base64", "us-ascii", 30);

        assertThat(text).isEqualTo(new BodyDecoder.Text("x".repeat(30), true));
    }

    @Test
    void messageIdsAndEncodedWords() {
        assertThat(MailText.messageId("  <a@b>  <c@d>")).isEqualTo("<a@b>");
        assertThat(MailText.messageId("not-bracketed@host\r\n ")).isEqualTo("not-bracketed@host");
        assertThat(MailText.messageId(" ")).isNull();
        assertThat(MailText.decodeWords("=?UTF-8?Q?caf=C3=A9?= =?UTF-8?B?w6k=?= x"))
                .isEqualTo("caféé x");
        assertThat(MailText.decodeWords("=?x-none?Q?a?= b")).isEqualTo("=?x-none?Q?a?= b");
    }

    private static BodyDecoder.Text decode(byte[] octets, String encoding, String charset, int maxBytes) {
        return BodyDecoder.decode(octets, BodyDecoder.fetchLimit(encoding, maxBytes), encoding, charset, maxBytes);
    }
}
