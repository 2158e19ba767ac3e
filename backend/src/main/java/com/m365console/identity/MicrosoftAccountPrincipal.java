package com.m365console.identity;

import com.m365console.security.SignedInAccount;
import java.util.Collection;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** A user signed in with Microsoft 365: the ID token's identity, acting as the local account it maps to. */
class MicrosoftAccountPrincipal extends DefaultOidcUser implements SignedInAccount {

    private final UUID accountId;

    MicrosoftAccountPrincipal(UUID accountId, Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken) {
        super(authorities, idToken, "preferred_username");
        this.accountId = accountId;
    }

    @Override
    public UUID accountId() {
        return accountId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MicrosoftAccountPrincipal that
                && super.equals(that)
                && accountId.equals(that.accountId);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + accountId.hashCode();
    }
}
