// Public surface of the auth feature, used by the app shell and router.
export { SessionProvider, useSession, type Me } from './session';
export { LoginPage } from './LoginPage';
export { SignInForm } from './SignInForm';
export { ChangePasswordPage } from './ChangePasswordPage';
