import { NextResponse, type NextRequest } from "next/server";
import { isDecodableActionReply } from "@/lib/http/action-body";
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
 * - a server action (a POST with a `Next-Action` header) from another origin is a 403 (Next
 *   refuses it too, but with a 500), a body over `maxActionBodyBytes` a 413 and a body that is
 *   no form and no JSON a 400 (Next's decoding would throw: 500);
 * - every reply carries the security headers and a per-request CSP nonce.
 *
 * Authorisation is not decided here: actions and routes re-check the session themselves.
 */

/** The app's forms send a few hundred bytes; nothing of theirs comes near this. */
export const maxActionBodyBytes = 64 * 1024;

export async function proxy(request: NextRequest): Promise<Response> {
  if (!isDecodablePath(request.nextUrl.pathname)) return refuse(request, 400, "badRequest");

  if (request.method === "POST" && request.headers.has("next-action")) {
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

/**
 * Reads a copy of the action's body (the original stays for Next) up to the limit and checks
 * that it can be decoded as what its content type says: multipart form data (a form), or the
 * JSON array of arguments (an action called from code, sent as text/plain), each of them with
 * the parts it refers to (see `isDecodableActionReply`; a multipart body only has to parse).
 */
async function checkActionBody(request: NextRequest): Promise<"too-large" | "malformed" | null> {
  const bytes = await readBodyAtMost(request.clone(), maxActionBodyBytes);
  if (bytes === null) return "too-large";
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  try {
    if (type.startsWith("multipart/form-data")) {
      // A form's fields carry React's own prefixes and layout; React decodes them itself.
      return null;
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
