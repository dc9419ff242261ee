/**
 * The security headers of every page and API reply (set by proxy.ts). Framework-free so the
 * policy can be read and tested on its own.
 *
 * Scripts: only the app's own files and inline scripts carrying this request's nonce (Next
 * puts the nonce on its own inline scripts when it finds it in the request's CSP header);
 * 'strict-dynamic' lets those load the chunks they import. Styles allow 'unsafe-inline':
 * React's `style` attributes (recharts' charts, progress bars) are inline styles, and a style
 * cannot run code. No frames, no plugins, forms post only to the app.
 */
export function contentSecurityPolicy(nonce: string, options: { isDev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${options.isDev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The headers besides the CSP: no framing, no referrer to other sites, no device APIs. */
export const securityHeaders: Readonly<Record<string, string>> = {
  "Referrer-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
};

/**
 * Whether every percent sign in `path` starts a valid escape of UTF-8 (else `decodeURIComponent`
 * throws) and the decoded path holds no control character: no id or code contains one, and
 * PostgreSQL refuses a NUL in a text parameter outright (a 500 where a 400 belongs).
 */
export function isDecodablePath(path: string): boolean {
  try {
    // eslint-disable-next-line no-control-regex
    return !/[\u0000-\u001f\u007f]/.test(decodeURIComponent(path));
  } catch {
    return false;
  }
}
