// GraphQL documents of the settings feature: Microsoft Settings (read, save, test, certificates, credential status), their audit trail, Email Synchronization Settings.
import { graphql } from '../../gql';

export const MicrosoftSettingsFields = graphql(`
  fragment MicrosoftSettingsFields on MicrosoftSettings {
    clientId {
      value
      useDefault
      defaultValue
    }
    clientSecret {
      isSet
      source
      setAt
      setBy
    }
    tenant {
      value
      useDefault
      defaultValue
    }
    cloud {
      value
      useDefault
      defaultValue
    }
    redirectUri
    redirectUriSource
    requestBaseUrl
    forwardedHeadersTrusted
    cloudHosts {
      cloud
      login
      imap
      smtp
      graph
    }
    mailPermissions {
      transport
      resource
      api
      delegated
      sharedMailbox
    }
    signInEnabled {
      value
      useDefault
      defaultValue
    }
    emailSyncEnabled {
      value
      useDefault
      defaultValue
    }
    signInAllowedDomains {
      value
      useDefault
      defaultValue
    }
    signInProvisioning {
      value
      useDefault
      defaultValue
    }
    credentialType
    certificate {
      thumbprint
      subject
      notBefore
      notAfter
      pem
      setAt
      setBy
    }
  }
`);

export const MicrosoftSettingsQuery = graphql(`
  query MicrosoftSettings {
    microsoftSettings {
      ...MicrosoftSettingsFields
    }
  }
`);

export const UpdateMicrosoftSettingsMutation = graphql(`
  mutation UpdateMicrosoftSettings($input: UpdateMicrosoftSettingsInput!) {
    updateMicrosoftSettings(input: $input) {
      settings {
        ...MicrosoftSettingsFields
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const TestMicrosoftConnectionMutation = graphql(`
  mutation TestMicrosoftConnection {
    testMicrosoftConnection {
      ok
      message
      error {
        error
        aadsts
        message
        microsoftDescription
        traceId
        correlationId
        consentUrl
      }
    }
  }
`);

export const GenerateMicrosoftCertificateMutation = graphql(`
  mutation GenerateMicrosoftCertificate($input: GenerateMicrosoftCertificateInput!) {
    generateMicrosoftCertificate(input: $input) {
      settings {
        ...MicrosoftSettingsFields
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const UploadMicrosoftCertificateMutation = graphql(`
  mutation UploadMicrosoftCertificate($input: UploadMicrosoftCertificateInput!) {
    uploadMicrosoftCertificate(input: $input) {
      settings {
        ...MicrosoftSettingsFields
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const SettingsCredentialStatusSubscription = graphql(`
  subscription SettingsCredentialStatus {
    microsoftCredentialStatus {
      configured
      kind
      expiresAt
      expiringSoon
      rejectedAt
      message
    }
  }
`);

export const SettingChangesQuery = graphql(`
  query SettingChanges($limit: Int) {
    settingChanges(limit: $limit) {
      id
      setting
      action
      oldValue
      newValue
      changedBy
      changedAt
    }
  }
`);

export const EmailSyncSettingsFields = graphql(`
  fragment EmailSyncSettingsFields on EmailSyncSettings {
    enabled
    intervalMinutes
    maxConcurrent
  }
`);

export const EmailSyncSettingsQuery = graphql(`
  query EmailSyncSettings {
    emailSyncSettings {
      ...EmailSyncSettingsFields
    }
  }
`);

export const UpdateEmailSyncSettingsMutation = graphql(`
  mutation UpdateEmailSyncSettings($input: UpdateEmailSyncSettingsInput!) {
    updateEmailSyncSettings(input: $input) {
      settings {
        ...EmailSyncSettingsFields
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
