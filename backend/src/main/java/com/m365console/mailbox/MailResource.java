package com.m365console.mailbox;

import com.m365console.microsoft.Cloud;
import java.util.List;

/**
 * A resource a mailbox holds an access token for, with the delegated permissions asked of it: Exchange Online's
 * (IMAP and SMTP) or Microsoft Graph's, each on the Cloud's own resource host; a shared mailbox opened through a
 * delegate needs Graph's {@code .Shared} permissions in addition.
 */
public enum MailResource {
    OUTLOOK(List.of("IMAP.AccessAsUser.All", "SMTP.Send"), List.of()),
    GRAPH(List.of("Mail.ReadWrite", "Mail.Send"), List.of("Mail.ReadWrite.Shared", "Mail.Send.Shared"));

    private final List<String> permissions;
    private final List<String> sharedPermissions;

    MailResource(List<String> permissions, List<String> sharedPermissions) {
        this.permissions = permissions;
        this.sharedPermissions = sharedPermissions;
    }

    /** The resource's identifier in this Cloud, which its scopes are prefixed with. */
    public String host(Cloud cloud) {
        return this == OUTLOOK ? cloud.outlookResource() : cloud.graphHost();
    }

    /** The delegated permissions every mailbox over this resource needs. */
    public List<String> permissions() {
        return permissions;
    }

    /** What a shared mailbox connected through a delegate needs in addition. */
    public List<String> sharedPermissions() {
        return sharedPermissions;
    }

    /** The resource scopes one authorize or refresh request asks for (one resource per request, as v2.0 wants). */
    public List<String> scopes(Cloud cloud, MailboxKind kind) {
        var names = new java.util.ArrayList<>(permissions);
        if (kind == MailboxKind.SYSTEM) {
            names.addAll(sharedPermissions);
        }
        return names.stream().map(name -> host(cloud) + "/" + name).toList();
    }
}
