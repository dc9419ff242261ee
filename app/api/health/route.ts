/**
 * GET /api/health: the app is up. Touches no database on purpose: a load balancer's liveness
 * probe, and the benchmark's baseline for what a route of this app costs before any work
 * (scripts/bench).
 */
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}
