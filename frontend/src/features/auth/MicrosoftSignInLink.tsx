// "Sign in with Microsoft 365": a full page navigation to the server, which sends the browser on to Microsoft.
export function MicrosoftSignInLink({ href }: { href: string }) {
  return (
    <div className="login-alternative">
      <span className="login-or">or</span>
      <a className="btn btn-microsoft" href={href}>
        <svg width="16" height="16" viewBox="0 0 21 21" aria-hidden="true">
          <rect x="1" y="1" width="9" height="9" fill="#f25022" />
          <rect x="11" y="1" width="9" height="9" fill="#7fba00" />
          <rect x="1" y="11" width="9" height="9" fill="#00a4ef" />
          <rect x="11" y="11" width="9" height="9" fill="#ffb900" />
        </svg>
        Sign in with Microsoft 365
      </a>
    </div>
  );
}
