import { getRequestLocale } from "@/lib/i18n/request";
import { getDashboard } from "@/lib/server/progress";
import { getSessionUser } from "@/lib/server/session";

/**
 * GET /api/progress: the session user's dashboard data as JSON (what /dashboard shows), for
 * clients other than the page and for the dashboard's load benchmark (issue 6). Whose data is
 * read comes from the session alone; query parameters are ignored. No session is a 401.
 */
export async function GET(): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "no session" }, { status: 401, headers: { "cache-control": "no-store" } });
  const dashboard = await getDashboard(user.id, new Date(), await getRequestLocale());
  return Response.json(dashboard, { headers: { "cache-control": "private, no-store" } });
}
