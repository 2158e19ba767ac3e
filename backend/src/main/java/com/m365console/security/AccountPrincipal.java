package com.m365console.security;

import com.m365console.identity.Role;
import com.m365console.identity.UserAccount;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in local account as Spring Security sees it. An account that still has a one-time password
 * gets no role at all, only the right to change it.
 */
public record AccountPrincipal(
        UUID id, String username, String passwordHash, boolean enabled, List<GrantedAuthority> authorities)
        implements UserDetails, SignedInAccount, Serializable {

    static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

    static AccountPrincipal of(UserAccount account) {
        return new AccountPrincipal(
                account.id(), account.username(), account.passwordHash(), account.enabled(), authorities(account));
    }

    /** An account's rights; one that still has a one-time password may only change it. */
    public static List<GrantedAuthority> authorities(UserAccount account) {
        return authorities(account.role(), account.mustChangePassword());
    }

    /** The rights of an account with this role and password state. */
    public static List<GrantedAuthority> authorities(Role role, boolean mustChangePassword) {
        String authority = mustChangePassword ? PASSWORD_CHANGE_REQUIRED : "ROLE_" + role.name();
        return List.of(new SimpleGrantedAuthority(authority));
    }

    @Override
    public UUID accountId() {
        return id;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "AccountPrincipal[" + username + "]";
    }
}
