import { getRequestLocale } from "@/lib/i18n/request";
import { getDashboard } from "@/lib/server/progress";
import { createRoute } from "@/lib/server/route";

/**
 * GET /api/progress: the session user's dashboard data as JSON (what /dashboard shows), for
 * clients other than the page and for the dashboard's load benchmark (issue 6). Whose data is
 * read comes from the session alone; query parameters are ignored. No session is a 401.
 */
export const GET = createRoute({ access: "user" }, async ({ user }) => {
  const dashboard = await getDashboard(user.id, new Date(), await getRequestLocale());
  return Response.json(dashboard, { headers: { "cache-control": "private, no-store" } });
});
