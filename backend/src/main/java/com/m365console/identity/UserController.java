package com.m365console.identity;

import com.m365console.platform.web.CurrentExchange;
import com.m365console.security.SignedInAccount;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** GraphQL entry points for local accounts. */
@Controller
class UserController {

    private final UserService userService;

    UserController(UserService userService) {
        this.userService = userService;
    }

    @QueryMapping
    @PreAuthorize("permitAll()")
    Mono<UserAccount> me(@AuthenticationPrincipal SignedInAccount principal) {
        return principal == null ? Mono.empty() : userService.findById(principal.accountId());
    }

    @QueryMapping
    @PreAuthorize("hasRole('ADMIN')")
    Flux<UserAccount> users() {
        return userService.findAll();
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    Mono<CreateUserPayload> createUser(
            @Argument CreateUserInput input, @AuthenticationPrincipal SignedInAccount principal) {
        return userService.create(principal.accountId(), input);
    }

    @MutationMapping
    @PreAuthorize("isAuthenticated()")
    Mono<ChangePasswordPayload> changePassword(
            @Argument ChangePasswordInput input, @AuthenticationPrincipal SignedInAccount principal) {
        return CurrentExchange.session()
                .map(WebSession::getId)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(current -> userService.changePassword(principal.accountId(), input, current.orElse(null)));
    }
}
