package com.m365console.identity;

import com.m365console.security.SignedInAccount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL entry points for an administrator's actions on accounts, and the accounts' Microsoft identities. */
@Controller
class UserLifecycleController {

    private final UserLifecycleService lifecycle;
    private final ExternalIdentityRepository identities;

    UserLifecycleController(UserLifecycleService lifecycle, ExternalIdentityRepository identities) {
        this.lifecycle = lifecycle;
        this.identities = identities;
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    Mono<UserPayload> disableUser(@Argument UserIdInput input, @AuthenticationPrincipal SignedInAccount admin) {
        return lifecycle.disable(admin.accountId(), input.userId());
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    Mono<UserPayload> enableUser(@Argument UserIdInput input, @AuthenticationPrincipal SignedInAccount admin) {
        return lifecycle.enable(admin.accountId(), input.userId());
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    Mono<DeleteUserPayload> deleteUser(
            @Argument DeleteUserInput input, @AuthenticationPrincipal SignedInAccount admin) {
        return lifecycle.delete(admin.accountId(), input);
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    Mono<ResetUserPasswordPayload> resetUserPassword(
            @Argument UserIdInput input, @AuthenticationPrincipal SignedInAccount admin) {
        return lifecycle.resetPassword(admin.accountId(), input.userId());
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    Mono<UserPayload> changeUserRole(
            @Argument ChangeUserRoleInput input, @AuthenticationPrincipal SignedInAccount admin) {
        return lifecycle.changeRole(admin.accountId(), input);
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    Mono<UserPayload> unlinkMicrosoftIdentity(
            @Argument UnlinkMicrosoftIdentityInput input, @AuthenticationPrincipal SignedInAccount admin) {
        return lifecycle.unlink(admin.accountId(), input);
    }

    @BatchMapping(typeName = "User")
    @PreAuthorize("hasRole('ADMIN')")
    Mono<Map<UserAccount, List<MicrosoftIdentity>>> microsoftIdentities(List<UserAccount> users) {
        Map<UUID, UserAccount> byId = new LinkedHashMap<>();
        users.forEach(user -> byId.put(user.id(), user));
        return identities.findByUsers(byId.keySet()).collectList().map(found -> {
            Map<UserAccount, List<MicrosoftIdentity>> linked = new LinkedHashMap<>();
            users.forEach(user -> linked.put(user, new ArrayList<>()));
            found.forEach(link -> linked.get(byId.get(link.userId())).add(link.identity()));
            return linked;
        });
    }
}
