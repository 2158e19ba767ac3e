package com.m365console.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A server that refuses part of a FETCH, or gives an answer Angus cannot parse, loses no message of the batch. */
class ImapFolderReaderRefusalTest {

    private static final String ALICE = "alice@contoso.test";
    private static final String PLAIN = "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 6 1)";
    private static final String RECEIVED = "\"01-Mar-2024 09:16:30 +0000\"";
    private static final String BOB = "((\"Bob\" NIL \"bob\" \"fabrikam.test\"))";

    private final MailServerClient client = new MailServerClient(MailServerProperties.defaults());

    @Test
    void anUnparsableAnswerIsReadAgainFromTheHeaderAndARefusedMessageIsKeptBare() throws Exception {
        try (ScriptedServer server = new ScriptedServer("* OK ready", ImapFolderReaderRefusalTest::answer);
                ImapFolderReader reader = client.openFolderReader(server.endpoint(), ALICE, "token", "INBOX")) {
            List<FetchedMessage> read = reader.fetchAfter(0, 10);

            assertThat(read).extracting(FetchedMessage::uid).containsExactly(1L, 2L, 3L);
            assertThat(read.get(0))
                    .extracting(
                            FetchedMessage::subject,
                            FetchedMessage::messageId,
                            FetchedMessage::textBody,
                            FetchedMessage::bodyTruncated)
                    .containsExactly("One", "<one@fabrikam.test>", "Body 1", false);
            assertThat(read.get(1))
                    .as("read again with the raw header instead of the envelope")
                    .extracting(FetchedMessage::subject, FetchedMessage::messageId, FetchedMessage::textBody)
                    .containsExactly("Two", "<two@fabrikam.test>", "Body 2");
            assertThat(read.get(2))
                    .as("refused twice: kept with its UID, marked incomplete")
                    .extracting(FetchedMessage::subject, FetchedMessage::textBody, FetchedMessage::bodyTruncated)
                    .containsExactly(null, null, true);
        }
    }

    private static String answer(String line) {
        String tag = line.substring(0, line.indexOf(' '));
        String ok = tag + " OK done";
        if (line.contains("CAPABILITY")) {
            return "* CAPABILITY IMAP4rev1 AUTH=XOAUTH2 SASL-IR\r\n" + ok;
        }
        if (line.contains("EXAMINE")) {
            return "* 3 EXISTS\r\n* OK [UIDVALIDITY 7] ok\r\n* OK [UIDNEXT 4] ok\r\n" + tag + " OK [READ-ONLY] done";
        }
        if (line.contains("UID SEARCH")) {
            return "* SEARCH 1 2 3\r\n" + ok;
        }
        if (line.contains("BODYSTRUCTURE")) {
            return "* 1 FETCH (UID 1 RFC822.SIZE 120 BODYSTRUCTURE " + PLAIN + ")\r\n"
                    + "* 2 FETCH (UID 2 RFC822.SIZE 120 BODYSTRUCTURE " + PLAIN + ")\r\n"
                    + "* 3 FETCH (UID 3 RFC822.SIZE 120 BODYSTRUCTURE " + PLAIN + ")\r\n" + ok;
        }
        if (line.contains("UID FETCH 1:3 (UID FLAGS ENVELOPE")) {
            return "* 1 FETCH (UID 1 FLAGS () ENVELOPE (\"Fri, 1 Mar 2024 09:15:00 +0000\" \"One\" " + BOB + " "
                    + BOB + " " + BOB + " NIL NIL NIL NIL \"<one@fabrikam.test>\") INTERNALDATE " + RECEIVED
                    + " RFC822.SIZE 120 BODY[HEADER.FIELDS (MESSAGE-ID IN-REPLY-TO)] "
                    + literal("Message-ID: <one@fabrikam.test>\r\n\r\n") + " BODY[TEXT]<0> " + literal("Body 1")
                    + ")\r\n"
                    + "* 2 FETCH (UID 2 ENVELOPE ]]])\r\n"
                    + tag + " NO [UNAVAILABLE] some messages are unavailable";
        }
        if (line.contains("UID FETCH 2 (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[HEADER]")) {
            return "* 2 FETCH (UID 2 FLAGS () INTERNALDATE " + RECEIVED + " RFC822.SIZE 120 BODY[HEADER] "
                    + literal("Subject: Two\r\nFrom: <bob@fabrikam.test>\r\nMessage-ID: <two@fabrikam.test>\r\n\r\n")
                    + " BODY[TEXT]<0> " + literal("Body 2") + ")\r\n" + ok;
        }
        if (line.contains("UID FETCH 3 (")) {
            return tag + " NO [UNAVAILABLE] message 3 is unavailable";
        }
        return line.contains("LOGOUT") ? "* BYE\r\n" + ok : ok;
    }

    private static String literal(String text) {
        return "{" + text.length() + "}\r\n" + text;
    }
}
