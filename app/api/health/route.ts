import { createRoute } from "@/lib/server/route";

/**
 * GET /api/health: the app is up. Touches no database on purpose: a load balancer's liveness
 * probe, and the benchmark's baseline for what a route of this app costs before any work
 * (scripts/bench).
 */
export const dynamic = "force-dynamic";

export const GET = createRoute({ access: "none" }, async () => Response.json({ ok: true }, { headers: { "cache-control": "no-store" } }));
