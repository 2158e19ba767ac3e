package com.m365console.mailbox;

/** How a mailbox is read and sent from: IMAP and SMTP with XOAUTH2, or Microsoft Graph; chosen per mailbox. */
public enum MailTransport {
    IMAP(MailResource.OUTLOOK),
    GRAPH(MailResource.GRAPH);

    private final MailResource resource;

    MailTransport(MailResource resource) {
        this.resource = resource;
    }

    /** The resource whose access token the transport uses (Microsoft issues one access token per resource). */
    public MailResource resource() {
        return resource;
    }

    /** How the SPA and messages name it. */
    public String label() {
        return this == IMAP ? "IMAP and SMTP" : "Microsoft Graph";
    }
}
