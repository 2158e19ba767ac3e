package com.m365console.security;

import com.m365console.identity.UserAccountRepository;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Looks local accounts up for password sign-in; accounts made by Microsoft 365 sign-in have no password. */
@Component
class AccountUserDetailsService implements ReactiveUserDetailsService {

    private final UserAccountRepository users;

    AccountUserDetailsService(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    public Mono<UserDetails> findByUsername(String username) {
        return users.findByUsername(username)
                .filter(account -> account.passwordHash() != null)
                .map(AccountPrincipal::of);
    }
}
