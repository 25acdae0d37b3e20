/**
 * The console's security headers, one policy for both places that serve it: the local runtime
 * (local/console-files.ts) and CloudFront's response headers policy (lib/constructs/console-hosting.ts).
 * Scripts only from this origin; inline styles are allowed because Cloudscape sets style attributes; the API is on
 * the same origin (connect-src 'self').
 * https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy
 */
export const CONSOLE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

export const CONSOLE_SECURITY_HEADERS = {
  'content-security-policy': CONSOLE_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
} as const satisfies Readonly<Record<string, string>>;
