// A "Copy" button that puts a value on the clipboard and says "Copied" afterwards.
import { useEffect, useState } from 'react';

type Props = { value: string; label?: string };

async function copy(value: string): Promise<void> {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(value);
  const area = document.createElement('textarea');
  area.value = value;
  document.body.append(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

export function CopyButton({ value, label = 'Copy' }: Props) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 3000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <button type="button" className="btn" onClick={() => copy(value).then(() => setCopied(true))}>
      {copied ? 'Copied' : label}
    </button>
  );
}
