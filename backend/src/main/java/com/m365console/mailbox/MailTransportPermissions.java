package com.m365console.mailbox;

import java.util.List;

/** Schema type {@code MailTransportPermissions}: what to add to the registration in Azure for one transport. */
public record MailTransportPermissions(
        MailTransport transport, String resource, String api, List<String> delegated, List<String> sharedMailbox) {}
