package com.m365console.mailbox;

import com.m365console.platform.graphql.RequestBaseUrlInterceptor;
import com.m365console.platform.web.CurrentExchange;
import com.m365console.settings.RedirectUris;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** GraphQL entry points for mailboxes; which mailbox a caller may touch is decided by {@link Actor}. */
@Controller
class MailboxController {

    private final MailboxService mailboxes;
    private final MailboxConnections connections;
    private final RedirectUris redirectUris;
    private final ApplicationMailboxConnections applicationConnections;

    MailboxController(
            MailboxService mailboxes,
            MailboxConnections connections,
            RedirectUris redirectUris,
            ApplicationMailboxConnections applicationConnections) {
        this.mailboxes = mailboxes;
        this.connections = connections;
        this.redirectUris = redirectUris;
        this.applicationConnections = applicationConnections;
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'USER')")
    Flux<MailboxView> myMailboxes(Authentication authentication) {
        return mailboxes.mine(Actor.of(authentication));
    }

    @QueryMapping
    @PreAuthorize("hasRole('ADMIN')")
    Flux<MailboxView> systemMailboxes() {
        return mailboxes.system();
    }

    @QueryMapping
    @PreAuthorize("hasRole('ADMIN')")
    Flux<MailboxView> allMailboxes() {
        return mailboxes.all();
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'USER')")
    Mono<MailboxView> mailbox(@Argument UUID id, Authentication authentication) {
        return mailboxes.find(id, Actor.of(authentication));
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'USER')")
    Mono<MailboxConnections.MailboxConnectionResult> lastMailboxConnection() {
        return CurrentExchange.session()
                .flatMap(session -> Mono.justOrEmpty((MailboxConnections.MailboxConnectionResult)
                        session.getAttributes().remove(MailboxConnections.OUTCOME)));
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'USER')")
    Mono<StartMailboxConnectionPayload> startMailboxConnection(
            @Argument StartMailboxConnectionInput input,
            @ContextValue(name = RequestBaseUrlInterceptor.REQUEST_BASE_URL) String requestBaseUrl,
            Authentication authentication) {
        return CurrentExchange.session()
                .flatMap(session -> connections.start(
                        Actor.of(authentication),
                        input,
                        redirectUris.microsoft(requestBaseUrl).toString(),
                        session));
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'USER')")
    Mono<CheckMailboxConnectionPayload> checkMailboxConnection(
            @Argument MailboxIdInput input, Authentication authentication) {
        return mailboxes.check(input.mailboxId(), Actor.of(authentication));
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'USER')")
    Mono<MailboxPayload> selectMailboxFolders(
            @Argument SelectMailboxFoldersInput input, Authentication authentication) {
        return mailboxes.selectFolders(input.mailboxId(), input.folders(), Actor.of(authentication));
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'USER')")
    Mono<SendEmailPayload> sendEmail(@Argument SendEmailInput input, Authentication authentication) {
        return mailboxes.send(input, Actor.of(authentication));
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'USER')")
    Mono<MailboxPayload> disconnectMailbox(@Argument DisconnectMailboxInput input, Authentication authentication) {
        return mailboxes.disconnect(
                input.mailboxId(), Boolean.TRUE.equals(input.deleteMail()), Actor.of(authentication));
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    Mono<MailboxPayload> connectSharedMailboxWithAppPermission(
            @Argument ConnectSharedMailboxWithAppPermissionInput input, Authentication authentication) {
        return applicationConnections.connect(Actor.of(authentication), input.address());
    }
}
