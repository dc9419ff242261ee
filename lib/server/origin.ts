/**
 * Whether a state-changing request comes from the app's own pages. A browser always names the
 * page that sent a cross-site POST (Origin; older ones at least Sec-Fetch-Site or Referer), so
 * a form on http://evil.example that posts to Faktum is refused here, whatever its content
 * type. A request that names no origin at all is no browser's cross-site request (curl, the
 * load benchmark, Playwright's request API) and passes: the session cookie is what it must
 * still bring.
 *
 * `host` is the host the request was sent to (the Host header, port included), compared
 * case-insensitively with the host of Origin or Referer. Pure, so it can be tested alone.
 */
export function isSameOriginRequest(headers: Pick<Headers, "get">, host: string | null): boolean {
  const origin = headers.get("origin");
  if (origin !== null) return hostOf(origin) !== null && hostOf(origin) === normalise(host);
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null) return fetchSite === "same-origin" || fetchSite === "none";
  const referer = headers.get("referer");
  if (referer !== null) return hostOf(referer) !== null && hostOf(referer) === normalise(host);
  return true;
}

/** POST, PUT, PATCH and DELETE change state; GET, HEAD and OPTIONS must not. */
export function isStateChangingMethod(method: string): boolean {
  return !["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());
}

function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.host.toLowerCase() : null;
  } catch {
    return null; // "null" (a sandboxed frame, a file: page) and garbage are no origin of ours
  }
}

function normalise(host: string | null): string | null {
  if (!host) return null;
  try {
    return new URL(`http://${host}`).host.toLowerCase();
  } catch {
    return null;
  }
}
