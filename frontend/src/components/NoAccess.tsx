// The message shown when the signed-in user's role may not open a page.
export function NoAccess() {
  return (
    <div className="panel">
      <p role="alert" className="no-access">
        You do not have access to this page
      </p>
    </div>
  );
}
