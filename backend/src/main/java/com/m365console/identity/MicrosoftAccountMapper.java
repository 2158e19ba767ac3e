package com.m365console.identity;

import com.m365console.microsoft.MicrosoftAccountAddress;
import com.m365console.security.AccountPrincipal;
import com.m365console.settings.MicrosoftSettings;
import com.m365console.settings.MicrosoftSettingsService;
import com.m365console.settings.SignInProvisioning;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Maps a Microsoft identity to a local account: by its earlier link (tenant + object id), else by e-mail
 * address, else by creating a USER when the admin allows it. The domain allow-list applies to all three.
 */
@Component
class MicrosoftAccountMapper implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

    static final String PROVIDER = "microsoft";

    private final MicrosoftSettingsService settings;
    private final UserAccountRepository users;
    private final ExternalIdentityRepository identities;

    MicrosoftAccountMapper(
            MicrosoftSettingsService settings, UserAccountRepository users, ExternalIdentityRepository identities) {
        this.settings = settings;
        this.users = users;
        this.identities = identities;
    }

    @Override
    public Mono<OidcUser> loadUser(OidcUserRequest request) {
        OidcIdToken idToken = request.getIdToken();
        String tenantId = idToken.getClaimAsString("tid");
        String objectId = idToken.getClaimAsString("oid");
        String email = MicrosoftAccountAddress.of(idToken);
        if (tenantId == null || objectId == null || email == null) {
            return refuse(
                    "missing_claims", "Microsoft did not send the account's tenant, object id and e-mail address.");
        }
        return settings.current().flatMap(current -> {
            String domain = email.substring(email.indexOf('@') + 1);
            var allowed = current.signInAllowedDomains().value();
            if (!allowed.isEmpty() && !allowed.contains(domain)) {
                return refuse(
                        "domain_not_allowed",
                        "Accounts of " + domain + " may not sign in here; "
                                + "an administrator can allow the domain on Microsoft Settings.");
            }
            return identities
                    .findUserId(PROVIDER, tenantId, objectId)
                    .flatMap(users::findById)
                    .switchIfEmpty(Mono.defer(() -> byEmailOrNew(current, email, idToken)))
                    .flatMap(account -> account.enabled()
                            ? identities
                                    .link(PROVIDER, tenantId, objectId, account.id(), email)
                                    .then(users.markSignedIn(account.id()))
                                    .thenReturn(account)
                            : refuse("account_disabled", "The account " + account.username() + " is disabled."))
                    .map(account -> new MicrosoftAccountPrincipal(
                            account.id(), AccountPrincipal.authorities(account), idToken));
        });
    }

    private Mono<UserAccount> byEmailOrNew(MicrosoftSettings current, String email, OidcIdToken idToken) {
        Mono<UserAccount> created = Mono.defer(() -> {
            if (current.signInProvisioning().value() != SignInProvisioning.CREATE_ON_FIRST_SIGN_IN) {
                return refuse(
                        "no_account",
                        "There is no account for " + email + " here; ask an administrator to "
                                + "create one, or to allow new users to sign in.");
            }
            String name =
                    idToken.getFullName() == null || idToken.getFullName().isBlank() ? email : idToken.getFullName();
            return users.save(UserAccount.signedUpWithMicrosoft(email, name))
                    .onErrorResume(
                            DuplicateKeyException.class,
                            ex -> refuse(
                                    "account_conflict",
                                    "A local account named " + email + " exists but has another e-mail address; an "
                                            + "administrator must resolve this."));
        });
        return users.findByEmail(email).collectList().flatMap(matches -> switch (matches.size()) {
            case 0 -> created;
            case 1 -> Mono.just(matches.get(0));
            default ->
                refuse(
                        "ambiguous_account",
                        "Several local accounts have the address " + email + "; an administrator must resolve this.");
        });
    }

    private static <T> Mono<T> refuse(String code, String message) {
        return Mono.error(new OAuth2AuthenticationException(new OAuth2Error(code, message, null), message));
    }
}
