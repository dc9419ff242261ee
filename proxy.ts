import { NextResponse, type NextRequest } from "next/server";
import { isDecodableActionForm, isDecodableActionReply } from "@/lib/http/action-body";
import { readBodyAtMost } from "@/lib/http/read-body";
import { contentSecurityPolicy, isDecodablePath, securityHeaders } from "@/lib/http/security-headers";
import { defaultLocale, isLocale, localeCookieName } from "@/lib/i18n/locales";
import { isSameOriginRequest } from "@/lib/server/origin";
import { loadMessages } from "@/messages";

/**
 * The request-level hook (Next 16's renamed middleware), for what must hold before any page,
 * action or route runs:
 *
 * - a path with a malformed percent-encoding (`/quiz/%ZZ`) is a 400, not Next's 500 when it
 *   decodes the dynamic segment;
 * - a server action from another origin is a 403 (Next refuses it too, but with a 500), a body
 *   over `maxActionBodyBytes` a 413 and a body Next's decoding would throw on (a 500) a 400.
 *   That is a POST with a `Next-Action` header (an action called by the page's script: a JSON
 *   argument list, or a multipart body with one), and a multipart POST to a page (a form posted
 *   before the page's script runs, naming its action in a `$ACTION_ID_…` field);
 * - every reply carries the security headers and a per-request CSP nonce.
 *
 * Authorisation is not decided here: actions and routes re-check the session themselves.
 */

/** The app's forms send a few hundred bytes; nothing of theirs comes near this. */
export const maxActionBodyBytes = 64 * 1024;

/**
 * The one form that sends more: the fact-set import page, with a table of up to 1 MB
 * (lib/facts/parse-membership-table.ts), which a form posted without script sends twice (the
 * file and the text box). Anything larger is refused here; up to that, the action answers a
 * table over 1 MB with its own message.
 */
export const maxImportActionBodyBytes = 2 * 1024 * 1024 + 64 * 1024;

/** The body limit for an action posted to `pathname`. */
export function maxActionBodyBytesAt(pathname: string): number {
  return pathname === "/topics/import" ? maxImportActionBodyBytes : maxActionBodyBytes;
}

export async function proxy(request: NextRequest): Promise<Response> {
  if (!isDecodablePath(request.nextUrl.pathname)) return refuse(request, 400, "badRequest");

  if (isActionRequest(request)) {
    if (!isSameOriginRequest(request.headers, request.headers.get("host"))) return refuse(request, 403, "crossOrigin");
    const problem = await checkActionBody(request);
    if (problem) return refuse(request, problem === "too-large" ? 413 : 400, problem === "too-large" ? "tooLarge" : "badRequest");
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, { isDev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  for (const [name, value] of Object.entries(securityHeaders)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Not the build's static files: they carry no page and no input.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};

function isMultipart(request: NextRequest): boolean {
  return (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
}

/** A server action's POST (see above); route handlers under /api check their own bodies. */
function isActionRequest(request: NextRequest): boolean {
  if (request.method !== "POST") return false;
  return request.headers.has("next-action") || (isMultipart(request) && !request.nextUrl.pathname.startsWith("/api/"));
}

/**
 * Reads a copy of the action's body (the original stays for Next) up to the limit and checks
 * that it can be decoded as what its content type says: multipart form data that parses (and,
 * from the page's script, holds a decodable argument list: `isDecodableActionForm`), or the JSON
 * array of arguments sent as text (`isDecodableActionReply`). A form posted without the script
 * only has to parse: Next refuses its `$ACTION_…` fields itself, with a 400.
 */
async function checkActionBody(request: NextRequest): Promise<"too-large" | "malformed" | null> {
  const bytes = await readBodyAtMost(request.clone(), maxActionBodyBytesAt(request.nextUrl.pathname));
  if (bytes === null) return "too-large";
  try {
    if (isMultipart(request)) {
      const form = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { "content-type": request.headers.get("content-type")! } }).formData();
      return !request.headers.has("next-action") || isDecodableActionForm(form) ? null : "malformed";
    }
    return isDecodableActionReply(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) ? null : "malformed";
  } catch {
    return "malformed";
  }
}

/** A refusal in the request's language: `{ message }` for code, plain text for a person's browser. */
function refuse(request: NextRequest, status: number, key: "badRequest" | "tooLarge" | "crossOrigin"): Response {
  const chosen = request.cookies.get(localeCookieName)?.value;
  const message = loadMessages(isLocale(chosen) ? chosen : defaultLocale).actions[key];
  const headers = { "cache-control": "no-store", ...securityHeaders };
  const wantsJson = request.nextUrl.pathname.startsWith("/api/") || request.headers.has("next-action");
  return wantsJson ? Response.json({ message }, { status, headers }) : new Response(message, { status, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
}
