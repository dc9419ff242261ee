import { headers } from "next/headers";

/**
 * The join link of a class as the teacher reaches this app: the host they typed (or the proxy's
 * forwarded host), so the link they copy opens the same site for their learners.
 */
export async function getJoinUrl(code: string): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}/join/${code}`;
}
