package com.m365console.identity;

import com.m365console.platform.graphql.UserError;
import com.m365console.platform.graphql.UserErrorCode;
import com.m365console.security.AuditEvent;
import com.m365console.security.AuditEvents;
import com.m365console.security.CredentialRevocations;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Creates local accounts and changes passwords, refusing bad input with typed errors. */
@Service
public class UserService {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final CredentialRevocations revocations;
    private final UserAudit audit;
    private final Clock clock;
    private final AuditEvents auditEvents;

    UserService(
            UserAccountRepository users,
            PasswordEncoder passwordEncoder,
            CredentialRevocations revocations,
            UserAudit audit,
            Clock clock,
            AuditEvents auditEvents) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.revocations = revocations;
        this.audit = audit;
        this.clock = clock;
        this.auditEvents = auditEvents;
    }

    public Mono<UserAccount> findById(UUID id) {
        return users.findById(id);
    }

    public Flux<UserAccount> findAll() {
        return users.findAllOrderByUsername();
    }

    /** Creates the account, audited as done by {@code actorId}. */
    public Mono<CreateUserPayload> create(UUID actorId, CreateUserInput input) {
        List<UserError> errors = validate(input);
        if (!errors.isEmpty()) {
            return Mono.just(CreateUserPayload.refused(errors));
        }
        String username = input.username().trim();
        String displayName = blankToNull(input.displayName()) == null
                ? username
                : input.displayName().trim();
        return hash(input.password())
                .flatMap(hash -> users.save(
                        UserAccount.create(username, displayName, blankToNull(input.email()), hash, input.role())))
                .flatMap(created -> audit.record(
                                UserAuditActions.USER_CREATED,
                                actorId,
                                created,
                                Map.of("role", created.role().name()))
                        .thenReturn(CreateUserPayload.of(created)))
                .onErrorResume(
                        DuplicateKeyException.class,
                        ex -> Mono.just(CreateUserPayload.refused(List.of(new UserError(
                                "username", UserErrorCode.CONFLICT, "A user with this name already exists.")))));
    }

    /**
     * Replaces the password; the account's other sessions end and its API tokens are revoked, only the session
     * that made the change ({@code currentSessionId}, null when there is none) stays signed in.
     */
    public Mono<ChangePasswordPayload> changePassword(UUID userId, ChangePasswordInput input, String currentSessionId) {
        return users.findById(userId).flatMap(user -> {
            Optional<UserError> refusal = checkPasswordChange(user, input);
            if (refusal.isPresent()) {
                return Mono.just(ChangePasswordPayload.refused(List.of(refusal.get())));
            }
            return hash(input.newPassword())
                    .<UserAccount>flatMap(hash -> users.save(user.withPassword(hash)))
                    .flatMap(saved -> revocations
                            .passwordChanged(saved.id(), currentSessionId)
                            .then(auditEvents.record(AuditEvent.by(
                                    AuditEvent.PASSWORD_CHANGED, saved.id(), Map.of("username", saved.username()))))
                            .thenReturn(saved))
                    .map(ChangePasswordPayload::of);
        });
    }

    private Optional<UserError> checkPasswordChange(UserAccount user, ChangePasswordInput input) {
        if (input.currentPassword() == null
                || user.passwordHash() == null
                || !passwordEncoder.matches(input.currentPassword(), user.passwordHash())) {
            return Optional.of(new UserError(
                    "currentPassword", UserErrorCode.WRONG_PASSWORD, "The current password is not correct."));
        }
        if (user.oneTimePasswordExpired(clock.instant())) {
            return Optional.of(new UserError(
                    "currentPassword",
                    UserErrorCode.WRONG_PASSWORD,
                    "The one-time password has expired. Ask an administrator for a new one (the first administrator's: "
                            + "the next start of the app prints one to its log)."));
        }
        if (input.currentPassword().equals(input.newPassword())) {
            return Optional.of(new UserError(
                    "newPassword", UserErrorCode.WEAK_PASSWORD, "Choose a password different from the current one."));
        }
        return PasswordPolicy.check("newPassword", input.newPassword(), user.username());
    }

    private Mono<String> hash(String password) {
        return Mono.fromCallable(() -> passwordEncoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }

    private static List<UserError> validate(CreateUserInput input) {
        List<UserError> errors = new ArrayList<>();
        String username = input.username() == null ? "" : input.username().trim();
        if (username.isEmpty()) {
            errors.add(new UserError("username", UserErrorCode.REQUIRED, "Enter a user name."));
        } else if (!USERNAME.matcher(username).matches()) {
            errors.add(new UserError(
                    "username",
                    UserErrorCode.INVALID_FORMAT,
                    "Use 2 to 64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit."));
        }
        if (input.displayName() != null && input.displayName().length() > 200) {
            errors.add(new UserError("displayName", UserErrorCode.TOO_LONG, "Use at most 200 characters."));
        }
        String email = blankToNull(input.email());
        if (email != null
                && (email.length() > 254 || !EMAIL.matcher(email.trim()).matches())) {
            errors.add(new UserError(
                    "email", UserErrorCode.INVALID_FORMAT, "Enter an e-mail address such as jane@contoso.com."));
        }
        if (input.role() == null) {
            errors.add(new UserError("role", UserErrorCode.REQUIRED, "Choose a role."));
        }
        PasswordPolicy.check("password", input.password(), username).ifPresent(errors::add);
        return errors;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
