package com.m365console.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.m365console.testsupport.microsoft.FakeMicrosoftIdentityPlatform;

/**
 * A local stand-in for Microsoft 365 for browser journeys: the identity platform and a GreenMail IMAP/SMTP
 * server that accepts, over XOAUTH2, exactly the access tokens the identity platform issued to each account, and
 * stops accepting them once the account's grants are revoked (as Microsoft's servers do).
 */
public final class LocalMicrosoft365 {

    private LocalMicrosoft365() {}

    /** Starts both; prints one line with the authority host and the IMAP and SMTP ports, then serves until killed. */
    public static void main(String[] args) {
        GreenMail mail = new GreenMail(
                new ServerSetup[] {ServerSetupTest.IMAP.dynamicPort(), ServerSetupTest.SMTP.dynamicPort()});
        mail.start();
        FakeMicrosoftIdentityPlatform identity = FakeMicrosoftIdentityPlatform.start(0);
        identity.onAccessTokenIssued((token, grant) -> {
            if (grant.email() != null) {
                mail.setUser(grant.email(), grant.email(), token);
            }
        });
        identity.onGrantsRevoked(email -> mail.setUser(email, email, "revoked-" + java.util.UUID.randomUUID()));
        System.out.println("LocalMicrosoft365 authority=" + identity.authority() + " imapPort="
                + mail.getImap().getPort() + " smtpPort=" + mail.getSmtp().getPort());
        System.out.flush();
    }
}
