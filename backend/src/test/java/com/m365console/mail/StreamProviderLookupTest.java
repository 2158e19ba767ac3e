package com.m365console.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.Test;

/** Mail sessions name Jakarta Mail's StreamProvider, so its lookups skip the ServiceLoader scan. */
class StreamProviderLookupTest {

    @Test
    void creatingTheMailClientNamesAngusStreamProvider() {
        new MailServerClient(MailServerProperties.defaults());

        assertThat(System.getProperty(MailSessions.STREAM_PROVIDER)).isEqualTo(MailStreamProvider.class.getName());
        assertThat(StreamProvider.provider()).isInstanceOf(MailStreamProvider.class);
    }
}
