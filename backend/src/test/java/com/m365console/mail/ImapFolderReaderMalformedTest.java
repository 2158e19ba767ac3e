package com.m365console.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Malformed messages (charsets, MIME, dates, encoded-words) fall back sensibly and never stop a batch. */
class ImapFolderReaderMalformedTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    private static final String ALICE = "alice@contoso.test";
    private static final String TOKEN = "malformed-test-token";

    private final MailServerClient client = new MailServerClient(MailServerProperties.defaults());
    private MailFolder inbox;

    @BeforeEach
    void mailbox() throws Exception {
        inbox = greenMail.getManagers().getImapHostManager().getInbox(greenMail.setUser(ALICE, TOKEN));
    }

    @Test
    void aBatchOfBrokenMessagesIsReadToTheEnd() throws Exception {
        append("""
                From: Broken <broken@fabrikam.test>
                Subject: Unknown charset
                Message-ID: <bad-charset@fabrikam.test>
                Content-Type: text/plain; charset=x-bogus
                Content-Transfer-Encoding: 8bit

                Caf\u00e9 au lait
                """, "ISO-8859-1");
        append("""
                From: =?UTF-8?B?!!!not-base64?= <odd@fabrikam.test>
                To: =?x-unknown?Q?Z=F6e?= <zoe@contoso.test>, undisclosed-recipients:;
                Subject: =?x-unknown?Q?caf=E9?= and =?UTF-8?Q?caf=C3=A9?=
                Date: not a date
                Message-ID: <bad-words@fabrikam.test>
                Content-Type: text/plain

                Grüße
                """, "UTF-8");
        append("""
                From: nobody@fabrikam.test
                Subject: Multipart without boundary
                Message-ID: <no-boundary@fabrikam.test>
                Content-Type: multipart/mixed

                Not really parts
                """, "US-ASCII");
        append("""
                From: nobody@fabrikam.test
                Subject: Broken base64
                Message-ID: <bad-base64@fabrikam.test>
                Content-Type: text/html; charset=utf-8
                Content-Transfer-Encoding: base64

                PGI+b2s8L2I+!!!*
                """, "US-ASCII");
        append("""
                From: Jürgen Groß <juergen@fabrikam.test>
                Subject: Grüße aus Köln
                Message-ID: <raw-utf8@fabrikam.test>
                Content-Type: text/plain; charset=us-ascii

                Schöne Grüße
                """, "UTF-8");
        append(SeedMessages.plain("good", "Still good", "Fine"));

        List<FetchedMessage> read;
        try (ImapFolderReader reader =
                client.openFolderReader(ImapFolderReaderTest.imap(greenMail), ALICE, TOKEN, "INBOX")) {
            read = reader.fetchAfter(0, 10);
        }
        Map<String, FetchedMessage> byId =
                read.stream().collect(Collectors.toMap(FetchedMessage::messageId, Function.identity()));

        assertThat(read).hasSize(6);
        assertThat(byId.get("<bad-charset@fabrikam.test>").textBody()).isEqualToIgnoringWhitespace("Café au lait");
        FetchedMessage words = byId.get("<bad-words@fabrikam.test>");
        assertThat(words.subject()).isEqualTo("=?x-unknown?Q?caf=E9?= and café");
        assertThat(words.from()).isEqualTo(new MailAddress("=?UTF-8?B?!!!not-base64?=", "odd@fabrikam.test"));
        assertThat(words.to()).containsExactly(new MailAddress("=?x-unknown?Q?Z=F6e?=", "zoe@contoso.test"));
        assertThat(words.sentAt()).isNull();
        assertThat(words.textBody()).isEqualToIgnoringWhitespace("Grüße");
        assertThat(byId.get("<no-boundary@fabrikam.test>").subject()).isEqualTo("Multipart without boundary");
        assertThat(byId.get("<bad-base64@fabrikam.test>").htmlBody()).startsWith("<b>ok</b>");
        FetchedMessage rawUtf8 = byId.get("<raw-utf8@fabrikam.test>");
        assertThat(rawUtf8.subject()).isEqualTo("Grüße aus Köln");
        assertThat(rawUtf8.from()).isEqualTo(new MailAddress("Jürgen Groß", "juergen@fabrikam.test"));
        assertThat(rawUtf8.textBody()).isEqualToIgnoringWhitespace("Schöne Grüße");
        assertThat(byId.get("<good@fabrikam.test>").textBody()).isEqualTo("Fine");
    }

    private void append(String source, String charset) {
        append(SeedMessages.raw(source, charset));
    }

    private void append(jakarta.mail.internet.MimeMessage message) {
        inbox.appendMessage(message, new Flags(), Date.from(Instant.parse("2024-03-02T10:00:00Z")));
    }
}
