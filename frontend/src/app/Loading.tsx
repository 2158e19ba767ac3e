// What a page shows while the session or a page's code is on its way.
export function Loading() {
  return <p className="muted loading">Loading…</p>;
}
