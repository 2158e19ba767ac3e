// Public surface of the credentials feature, used by the shell.
export { CredentialBanner } from './CredentialBanner';
