package com.m365console.mailbox;

import com.m365console.security.SignedInAccount;
import java.util.UUID;
import org.springframework.security.core.Authentication;

/** Who is acting on mailboxes: their account and whether they are an admin (admins see system mailboxes). */
record Actor(UUID id, boolean admin) {

    static Actor of(Authentication authentication) {
        var account = (SignedInAccount) authentication.getPrincipal();
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
        return new Actor(account.accountId(), admin);
    }

    /** A user sees their own mailboxes; an admin also the system ones. Nobody sees another user's mailbox. */
    boolean maySee(MailboxView mailbox) {
        return mailbox.kind() == MailboxKind.SYSTEM ? admin : id.equals(mailbox.ownerId());
    }
}
