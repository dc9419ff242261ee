import { createRoute } from "@/lib/server/route";
import { exportUserData } from "@/lib/server/users";

/**
 * GET /api/account/export: everything Faktum stores about the current user, as a JSON
 * download. Any session may export its own data (a guest's too); no session is a 401.
 */
export const GET = createRoute({ access: "user" }, async ({ user }) => {
  const now = new Date();
  const data = await exportUserData(user.id, now);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="faktum-export-${now.toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "no-store",
    },
  });
});
