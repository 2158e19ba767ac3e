// A message's body: the sanitised HTML in a sandboxed frame (no scripts, own origin, styles kept in), else its text.
const FRAME_HEAD =
  '<!doctype html><html><head><meta charset="utf-8">' +
  '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">' +
  '<style>body { margin: 12px; font: 13px/1.45 "Helvetica Neue", Helvetica, Arial, sans-serif; color: #333; }</style>' +
  '</head><body>';

/** The srcdoc of the frame: the HTML with a content policy that forbids loading anything. */
export function frameDocument(html: string): string {
  return `${FRAME_HEAD}${html}</body></html>`;
}

export function MessageBody({ html, text }: { html?: string | null; text?: string | null }) {
  if (html) return <iframe className="message-html" title="Message body" sandbox="" srcDoc={frameDocument(html)} />;
  if (text) return <pre className="message-text">{text}</pre>;
  return <p className="muted">This message has no text.</p>;
}
