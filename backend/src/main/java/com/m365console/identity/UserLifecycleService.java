package com.m365console.identity;

import com.m365console.platform.graphql.UserError;
import com.m365console.platform.graphql.UserErrorCode;
import com.m365console.security.CredentialRevocations;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What an administrator does to an account after creating it: disable and enable, delete, reset the password,
 * change the role, unlink a Microsoft identity. Each change takes back the credentials it makes wrong (through
 * {@link CredentialRevocations}, which reaches every instance) and is audited in the same transaction; none may
 * leave the installation without an enabled administrator.
 */
@Service
class UserLifecycleService {

    private final UserAccountRepository users;
    private final ExternalIdentityRepository identities;
    private final CredentialRevocations revocations;
    private final DeletedOwnerMailboxes mailboxes;
    private final AdministratorLock administrators;
    private final TransactionalOperator transaction;
    private final UserAudit audit;
    private final PasswordEncoder passwordEncoder;
    private final OneTimePasswords oneTimePasswords;

    UserLifecycleService(
            UserAccountRepository users,
            ExternalIdentityRepository identities,
            CredentialRevocations revocations,
            DeletedOwnerMailboxes mailboxes,
            AdministratorLock administrators,
            TransactionalOperator transaction,
            UserAudit audit,
            PasswordEncoder passwordEncoder,
            OneTimePasswords oneTimePasswords) {
        this.users = users;
        this.identities = identities;
        this.revocations = revocations;
        this.mailboxes = mailboxes;
        this.administrators = administrators;
        this.transaction = transaction;
        this.audit = audit;
        this.passwordEncoder = passwordEncoder;
        this.oneTimePasswords = oneTimePasswords;
    }

    Mono<UserPayload> disable(UUID actorId, UUID userId) {
        return guarded(
                userId,
                UserPayload::refused,
                user -> !user.enabled()
                        ? Mono.just(UserPayload.of(user))
                        : unlessLastAdmin(
                                user,
                                UserPayload::refused,
                                () -> users.setEnabled(user.id(), false)
                                        .flatMap(disabled -> revocations
                                                .accountChanged(disabled.id())
                                                .then(audit.record(UserAuditActions.USER_DISABLED, actorId, disabled))
                                                .thenReturn(UserPayload.of(disabled)))));
    }

    Mono<UserPayload> enable(UUID actorId, UUID userId) {
        return inTransaction(
                userId,
                UserPayload::refused,
                user -> user.enabled()
                        ? Mono.just(UserPayload.of(user))
                        : users.setEnabled(user.id(), true)
                                .flatMap(enabled -> audit.record(UserAuditActions.USER_ENABLED, actorId, enabled)
                                        .thenReturn(UserPayload.of(enabled))));
    }

    Mono<UserPayload> changeRole(UUID actorId, ChangeUserRoleInput input) {
        if (input.role() == null) {
            return Mono.just(UserPayload.refused(new UserError("role", UserErrorCode.REQUIRED, "Choose a role.")));
        }
        return guarded(
                input.userId(),
                UserPayload::refused,
                user -> user.role() == input.role()
                        ? Mono.just(UserPayload.of(user))
                        : unlessLastAdmin(
                                user,
                                UserPayload::refused,
                                () -> users.setRole(user.id(), input.role().name())
                                        .flatMap(changed -> revocations
                                                .accountChanged(changed.id())
                                                .then(audit.record(
                                                        UserAuditActions.USER_ROLE_CHANGED,
                                                        actorId,
                                                        changed,
                                                        Map.of(
                                                                "from",
                                                                user.role().name(),
                                                                "to",
                                                                changed.role().name())))
                                                .thenReturn(UserPayload.of(changed)))));
    }

    /** The password is hashed before the transaction, so no connection waits for bcrypt. */
    Mono<ResetUserPasswordPayload> resetPassword(UUID actorId, UUID userId) {
        String password = oneTimePasswords.generate();
        return Mono.fromCallable(() -> passwordEncoder.encode(password))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> inTransaction(
                        userId,
                        ResetUserPasswordPayload::refused,
                        user -> users.setOneTimePassword(user.id(), hash, oneTimePasswords.expiry())
                                .flatMap(reset -> revocations
                                        .passwordChanged(reset.id(), null)
                                        .then(audit.record(UserAuditActions.USER_PASSWORD_RESET, actorId, reset))
                                        .thenReturn(ResetUserPasswordPayload.of(reset, password)))));
    }

    Mono<DeleteUserPayload> delete(UUID actorId, DeleteUserInput input) {
        if (input.deleteMail() == null) {
            return Mono.just(DeleteUserPayload.refused(new UserError(
                    "deleteMail", UserErrorCode.REQUIRED, "Choose whether the user's mail is deleted or kept.")));
        }
        boolean deleteMail = input.deleteMail();
        return guarded(
                        input.userId(),
                        DeleteUserPayload::refused,
                        user -> unlessLastAdmin(
                                user,
                                DeleteUserPayload::refused,
                                () -> (deleteMail ? Mono.just(0L) : mailboxes.keepAsShared(user.id(), user.username()))
                                        .flatMap(kept -> revocations
                                                .passwordChanged(user.id(), null)
                                                .then(audit.record(
                                                        UserAuditActions.USER_DELETED,
                                                        actorId,
                                                        user,
                                                        Map.of(
                                                                "mail",
                                                                deleteMail ? "deleted" : "kept",
                                                                "keptMailboxes",
                                                                kept)))
                                                .then(users.deleteById(user.id()))
                                                .thenReturn(DeleteUserPayload.of(user.id(), kept)))))
                .onErrorResume(
                        DuplicateKeyException.class,
                        ex -> Mono.just(DeleteUserPayload.refused(new UserError(
                                "deleteMail",
                                UserErrorCode.CONFLICT,
                                "A shared mailbox with the address of one of this user's mailboxes exists already, so "
                                        + "the mail cannot be kept as one. Delete the mail, or remove that shared "
                                        + "mailbox first. Nothing was changed."))));
    }

    Mono<UserPayload> unlink(UUID actorId, UnlinkMicrosoftIdentityInput input) {
        return inTransaction(
                input.userId(),
                UserPayload::refused,
                user -> identities
                        .unlink(user.id(), input.tenantId(), input.objectId())
                        .flatMap(unlinked -> !unlinked
                                ? Mono.just(UserPayload.refused(new UserError(
                                        "objectId",
                                        UserErrorCode.NOT_FOUND,
                                        "This Microsoft 365 identity is not linked to the user.")))
                                : revocations
                                        .signOutEverywhere(user.id())
                                        .then(audit.record(
                                                UserAuditActions.USER_IDENTITY_UNLINKED,
                                                actorId,
                                                user,
                                                Map.of("tenantId", input.tenantId(), "objectId", input.objectId())))
                                        .thenReturn(UserPayload.of(user))));
    }

    /** Runs a change that might remove an administrator under the administrators' lock, in one transaction. */
    private <T> Mono<T> guarded(UUID userId, Function<UserError, T> refused, Function<UserAccount, Mono<T>> change) {
        return inTransaction(
                userId,
                refused,
                user -> administrators.acquire().then(users.findById(user.id())).flatMap(change));
    }

    private <T> Mono<T> inTransaction(
            UUID userId, Function<UserError, T> refused, Function<UserAccount, Mono<T>> change) {
        if (userId == null) {
            return Mono.just(refused.apply(notFound()));
        }
        return transaction
                .transactional(users.findById(userId).flatMap(change))
                .switchIfEmpty(Mono.fromSupplier(() -> refused.apply(notFound())));
    }

    /** Runs the change unless the account is the last enabled administrator; must hold the administrators' lock. */
    private <T> Mono<T> unlessLastAdmin(UserAccount user, Function<UserError, T> refused, Supplier<Mono<T>> change) {
        if (user.role() != Role.ADMIN || !user.enabled()) {
            return change.get();
        }
        return users.countOtherEnabledAdmins(user.id())
                .flatMap(others -> others > 0
                        ? change.get()
                        : Mono.just(refused.apply(new UserError(
                                "userId",
                                UserErrorCode.LAST_ADMIN,
                                "This is the last enabled administrator: make another user an administrator first."))));
    }

    private static UserError notFound() {
        return new UserError("userId", UserErrorCode.NOT_FOUND, "There is no user with this id.");
    }
}
