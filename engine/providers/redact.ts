/**
 * Secret redaction for everything that leaves the HTTP layer: error messages, `cause`s, bodies and
 * progress events. Known secrets (API keys, issued tokens) are replaced wherever they appear, also
 * URL-encoded; bearer headers and `apikey=` form fields are masked even when the value is unknown.
 */
export const REDACTED = '[REDACTED]';

/** Shorter strings would mask ordinary words; real keys and tokens are far longer. */
const MIN_SECRET_LENGTH = 6;

const PATTERNS: readonly [RegExp, string][] = [
  [/(bearer\s+)[^\s"',;]+/gi, `$1${REDACTED}`],
  [/(["']?(?:apikey|api_key|access_token|refresh_token)["']?\s*[=:]\s*["']?)[^\s"'&,;}]+/gi, `$1${REDACTED}`],
];

export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string | undefined): void {
    if (!secret || secret.length < MIN_SECRET_LENGTH) return;
    this.secrets.add(secret);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) this.secrets.add(encoded);
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so that a secret containing another is masked whole.
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join(REDACTED);
    for (const [re, by] of PATTERNS) out = out.replace(re, by);
    return out;
  }
}
