// The "Allowed e-mail domains" textarea: one domain per line in the form, a clean list in the API.
export function parseDomains(text: string): string[] {
  const domains = text
    .split(/[\s,;]+/)
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(domains)];
}

export function formatDomains(domains: readonly string[]): string {
  return domains.join('\n');
}

/** True when both texts name the same domains in the same order, whatever the spacing, case and repeats. */
export function sameDomains(a: string, b: string): boolean {
  const left = parseDomains(a);
  const right = parseDomains(b);
  return left.length === right.length && left.every((d, i) => d === right[i]);
}
