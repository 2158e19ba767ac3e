package com.m365console.testsupport.microsoft.graph;

/**
 * The mailbox a request names ({@code /me} or {@code /users/{address}}) once the caller may open it, with the
 * path segment to write back into links ({@code me}, {@code users/adele@contoso.com}) and into {@code @odata.context}.
 */
record MailboxTarget(FakeMailbox mailbox, String segment, Caller caller) {

    String contextSegment() {
        return "users('" + mailbox.address() + "')";
    }
}
