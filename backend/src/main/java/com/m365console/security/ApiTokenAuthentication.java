package com.m365console.security;

import com.m365console.identity.ApiTokenService.TokenOwner;
import java.util.UUID;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request authenticated by a personal API token; it acts as the token's owner, with the owner's role. */
public class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final Principal principal;

    ApiTokenAuthentication(TokenOwner owner) {
        super(AccountPrincipal.authorities(owner.role(), owner.mustChangePassword()));
        this.principal = new Principal(owner.id(), owner.username());
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Principal getPrincipal() {
        return principal;
    }

    /** The token's owner. */
    public record Principal(UUID accountId, String username) implements SignedInAccount, java.security.Principal {
        @Override
        public String getName() {
            return username;
        }
    }
}
