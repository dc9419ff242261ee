import { z } from "zod";
import { issueClassResetCode } from "@/lib/server/account-tokens";
import { createRoute, idParam } from "@/lib/server/route";

/**
 * POST /api/classes/<classId>/learners/<learnerId>/reset-code — a one-time password-reset code
 * for a learner of the teacher's own class, for students without a working e-mail address.
 * The code is in this answer only (never stored in clear, never shown again) and works once,
 * for 24 hours, on /reset-password. Anyone but the class's teacher, and any learner who is not
 * a current member, gets 404.
 */
export const POST = createRoute(
  { params: z.object({ classId: idParam, learnerId: idParam }), access: "teacher", denyAs: "notFound" },
  async ({ user, params: { classId, learnerId } }) => {
    const { code, expiresAt } = await issueClassResetCode(user.id, classId, learnerId);
    return Response.json({ code, expiresAt: expiresAt.toISOString() }, { headers: { "cache-control": "no-store" } });
  },
);
