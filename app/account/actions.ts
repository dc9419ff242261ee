"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { createAction, fail } from "@/lib/server/action";
import { clearSessionCookie } from "@/lib/server/session";
import { deleteUser, isDeletionConfirmed } from "@/lib/server/users";

const deleteAccountInput = z.object({ confirmation: z.string().max(1000).default("") });

/**
 * Deletes the signed-in account with all of its data (the schema cascades), after the person
 * typed "LÖSCHEN"/"DELETE" or their password. Sessions go with the user row; the cookie is cleared.
 */
export const deleteAccount = createAction({ access: "account", input: deleteAccountInput }, async ({ input, user }) => {
  if (!(await isDeletionConfirmed(user.id, input.confirmation))) {
    return fail("auth.errors.confirmationMismatch", { errors: { confirmation: ["auth.errors.confirmationWrong"] } });
  }
  await deleteUser(user.id);
  await clearSessionCookie();
  redirect("/account/deleted");
});
