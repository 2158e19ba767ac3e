package com.m365console.settings;

import com.m365console.microsoft.Cloud;
import com.m365console.platform.crypto.SecretCipher;
import com.m365console.settings.MicrosoftSettings.BooleanSetting;
import com.m365console.settings.MicrosoftSettings.CertificateSetting;
import com.m365console.settings.MicrosoftSettings.CloudSetting;
import com.m365console.settings.MicrosoftSettings.DomainsSetting;
import com.m365console.settings.MicrosoftSettings.ProvisioningSetting;
import com.m365console.settings.MicrosoftSettings.SecretSetting;
import com.m365console.settings.MicrosoftSettings.SecretSource;
import com.m365console.settings.MicrosoftSettings.StringSetting;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the effective Microsoft Settings (stored values over configured defaults) and saves updates
 * atomically with an audit row per changed field. The client secret and the certificate's private key are
 * encrypted before they are stored; a save that may change the credential in use is announced
 * ({@link MicrosoftCredentialsSaved}) once committed.
 */
@Service
public class MicrosoftSettingsService {

    private final SystemSettingRepository repository;
    private final SecretCipher cipher;
    private final MicrosoftDefaults defaults;
    private final TransactionalOperator transaction;
    private final ApplicationEventPublisher events;

    MicrosoftSettingsService(
            SystemSettingRepository repository,
            SecretCipher cipher,
            MicrosoftDefaults defaults,
            TransactionalOperator transaction,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.cipher = cipher;
        this.defaults = defaults;
        this.transaction = transaction;
        this.events = events;
    }

    public Mono<MicrosoftSettings> current() {
        return loadStored().map(this::view);
    }

    /** The settings, the client secret and the certificate, decrypted, from one read: for talking to Microsoft. */
    public Mono<MicrosoftCredentials> credentials() {
        return loadStored().map(stored -> {
            StoredSetting secret = stored.get(MicrosoftSetting.CLIENT_SECRET);
            StoredSetting certificate = stored.get(MicrosoftSetting.CERTIFICATE);
            StoredSetting key = stored.get(MicrosoftSetting.CERTIFICATE_KEY);
            return new MicrosoftCredentials(
                    view(stored),
                    secret != null
                            ? cipher.decrypt(secret.secret(), MicrosoftSetting.CLIENT_SECRET.storedName())
                            : defaults.clientSecret(),
                    certificate != null && key != null
                            ? CertificatePems.stored(
                                    cipher.decrypt(key.secret(), MicrosoftSetting.CERTIFICATE_KEY.storedName()),
                                    certificate.textValue())
                            : null);
        });
    }

    /** The client secret in use, decrypted; empty when none is set. */
    public Mono<String> clientSecret() {
        return credentials().mapNotNull(MicrosoftCredentials::clientSecret);
    }

    public Mono<UpdateMicrosoftSettingsPayload> update(UpdateMicrosoftSettingsInput input, UUID actor) {
        Mono<UpdateMicrosoftSettingsPayload> save = repository
                .lockForUpdate()
                .then(loadStored())
                .flatMap(stored -> {
                    MicrosoftSettings before = view(stored);
                    MicrosoftSettingsUpdate update = MicrosoftSettingsUpdate.plan(input, before, defaults);
                    if (!update.errors().isEmpty()) {
                        return Mono.just(new UpdateMicrosoftSettingsPayload(before, update.errors()));
                    }
                    return apply(update, stored, actor)
                            .then(current())
                            .map(after -> new UpdateMicrosoftSettingsPayload(after, List.of()));
                });
        return transaction.transactional(save).doOnNext(payload -> {
            if (payload.errors().isEmpty()) {
                events.publishEvent(new MicrosoftCredentialsSaved());
            }
        });
    }

    /**
     * Stores a certificate credential (generated or uploaded, already checked), replacing the one stored: the
     * certificate audited by thumbprint, the private key encrypted and audited as replaced.
     */
    Mono<MicrosoftSettings> storeCertificate(ClientCertificate certificate, UUID actor) {
        String certificateName = MicrosoftSetting.CERTIFICATE.storedName();
        String keyName = MicrosoftSetting.CERTIFICATE_KEY.storedName();
        Mono<MicrosoftSettings> save = repository
                .lockForUpdate()
                .then(loadStored())
                .flatMap(stored -> {
                    CertificateSetting before = certificate(stored);
                    return repository
                            .saveText(certificateName, certificate.pem(), actor)
                            .then(repository.recordChange(
                                    certificateName,
                                    SettingChangeAction.SET,
                                    before == null ? null : before.thumbprint(),
                                    certificate.thumbprint(),
                                    actor))
                            .then(Mono.fromCallable(
                                    () -> cipher.encrypt(CertificatePems.keyPem(certificate.privateKey()), keyName)))
                            .flatMap(encrypted -> repository.saveSecret(keyName, encrypted, actor))
                            .then(repository.recordChange(
                                    keyName, SettingChangeAction.SECRET_REPLACED, null, null, actor));
                })
                .then(current());
        return transaction.transactional(save).doOnNext(saved -> events.publishEvent(new MicrosoftCredentialsSaved()));
    }

    Flux<SettingChange> changes(int limit) {
        return repository
                .findChanges(MicrosoftSetting.PREFIX, limit)
                .map(change -> change.withSetting(
                        MicrosoftSetting.byStoredName(change.setting()).field()));
    }

    private Mono<Void> apply(MicrosoftSettingsUpdate update, Map<MicrosoftSetting, StoredSetting> stored, UUID actor) {
        Flux<Void> textWrites = Flux.fromIterable(update.textEdits().entrySet()).concatMap(edit -> {
            String name = edit.getKey().storedName();
            StoredSetting old = stored.get(edit.getKey());
            String oldValue = old == null ? null : old.textValue();
            Optional<String> newValue = edit.getValue();
            if (newValue.isEmpty()) {
                return old == null
                        ? Mono.empty()
                        : repository
                                .delete(name)
                                .then(repository.recordChange(
                                        name, SettingChangeAction.RESET_TO_DEFAULT, oldValue, null, actor));
            }
            return newValue.get().equals(oldValue)
                    ? Mono.empty()
                    : repository
                            .saveText(name, newValue.get(), actor)
                            .then(repository.recordChange(
                                    name, SettingChangeAction.SET, oldValue, newValue.get(), actor));
        });
        String secretName = MicrosoftSetting.CLIENT_SECRET.storedName();
        Mono<Void> secretWrite = Mono.empty();
        if (update.newSecret() != null) {
            secretWrite = Mono.fromCallable(() -> cipher.encrypt(update.newSecret(), secretName))
                    .flatMap(encrypted -> repository.saveSecret(secretName, encrypted, actor))
                    .then(repository.recordChange(secretName, SettingChangeAction.SECRET_REPLACED, null, null, actor));
        } else if (update.clearSecret() && stored.containsKey(MicrosoftSetting.CLIENT_SECRET)) {
            secretWrite = repository
                    .delete(secretName)
                    .then(repository.recordChange(secretName, SettingChangeAction.SECRET_CLEARED, null, null, actor));
        }
        Mono<Void> certificateClear = Mono.empty();
        if (update.clearCertificate() && stored.containsKey(MicrosoftSetting.CERTIFICATE)) {
            String certificateName = MicrosoftSetting.CERTIFICATE.storedName();
            String keyName = MicrosoftSetting.CERTIFICATE_KEY.storedName();
            certificateClear = repository
                    .delete(certificateName)
                    .then(repository.recordChange(
                            certificateName,
                            SettingChangeAction.RESET_TO_DEFAULT,
                            certificate(stored).thumbprint(),
                            null,
                            actor))
                    .then(repository.delete(keyName))
                    .then(repository.recordChange(keyName, SettingChangeAction.SECRET_CLEARED, null, null, actor));
        }
        return textWrites.then(secretWrite).then(certificateClear);
    }

    private Mono<Map<MicrosoftSetting, StoredSetting>> loadStored() {
        return repository
                .findByPrefix(MicrosoftSetting.PREFIX)
                .collectMap(row -> MicrosoftSetting.byStoredName(row.name()));
    }

    private MicrosoftSettings view(Map<MicrosoftSetting, StoredSetting> stored) {
        return new MicrosoftSettings(
                text(stored.get(MicrosoftSetting.CLIENT_ID), defaults.clientId()),
                secret(stored.get(MicrosoftSetting.CLIENT_SECRET)),
                text(stored.get(MicrosoftSetting.TENANT), defaults.tenant()),
                cloud(stored.get(MicrosoftSetting.CLOUD)),
                flag(stored.get(MicrosoftSetting.SIGN_IN_ENABLED), defaults.signInEnabled()),
                flag(stored.get(MicrosoftSetting.EMAIL_SYNC_ENABLED), defaults.emailSyncEnabled()),
                domains(stored.get(MicrosoftSetting.SIGN_IN_ALLOWED_DOMAINS)),
                provisioning(stored.get(MicrosoftSetting.SIGN_IN_PROVISIONING)),
                stored.containsKey(MicrosoftSetting.CREDENTIAL_TYPE)
                        ? MicrosoftCredentialType.valueOf(
                                stored.get(MicrosoftSetting.CREDENTIAL_TYPE).textValue())
                        : MicrosoftCredentialType.CLIENT_SECRET,
                certificate(stored));
    }

    private static CertificateSetting certificate(Map<MicrosoftSetting, StoredSetting> stored) {
        StoredSetting row = stored.get(MicrosoftSetting.CERTIFICATE);
        if (row == null || !stored.containsKey(MicrosoftSetting.CERTIFICATE_KEY)) {
            return null;
        }
        var certificate = CertificatePems.readCertificate(row.textValue());
        if (certificate == null) {
            return null;
        }
        var view = new ClientCertificate(certificate, null);
        return new CertificateSetting(
                view.thumbprint(),
                view.subject(),
                view.notBefore(),
                view.notAfter(),
                view.pem(),
                row.updatedAt(),
                row.updatedBy());
    }

    private static StringSetting text(StoredSetting stored, String defaultValue) {
        return stored == null
                ? new StringSetting(defaultValue, true, defaultValue)
                : new StringSetting(stored.textValue(), false, defaultValue);
    }

    private static BooleanSetting flag(StoredSetting stored, boolean defaultValue) {
        return stored == null
                ? new BooleanSetting(defaultValue, true, defaultValue)
                : new BooleanSetting(Boolean.parseBoolean(stored.textValue()), false, defaultValue);
    }

    private CloudSetting cloud(StoredSetting stored) {
        return stored == null
                ? new CloudSetting(defaults.cloud(), true, defaults.cloud())
                : new CloudSetting(Cloud.valueOf(stored.textValue()), false, defaults.cloud());
    }

    private DomainsSetting domains(StoredSetting stored) {
        List<String> defaultValue = defaults.signInAllowedDomains();
        return stored == null
                ? new DomainsSetting(defaultValue, true, defaultValue)
                : new DomainsSetting(MicrosoftSettingsUpdate.splitDomains(stored.textValue()), false, defaultValue);
    }

    private ProvisioningSetting provisioning(StoredSetting stored) {
        SignInProvisioning defaultValue = defaults.signInProvisioning();
        return stored == null
                ? new ProvisioningSetting(defaultValue, true, defaultValue)
                : new ProvisioningSetting(SignInProvisioning.valueOf(stored.textValue()), false, defaultValue);
    }

    private SecretSetting secret(StoredSetting stored) {
        if (stored != null) {
            return new SecretSetting(true, SecretSource.STORED, stored.updatedAt(), stored.updatedBy());
        }
        return defaults.clientSecret() != null
                ? new SecretSetting(true, SecretSource.DEFAULT, null, null)
                : new SecretSetting(false, SecretSource.NONE, null, null);
    }
}
