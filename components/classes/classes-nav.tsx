import { getSessionUser, isAccountUser } from "@/lib/server/session";
import { ClassesNavLinks } from "./classes-nav-links";

/**
 * "Klassen" (everyone signed in) and "Aufgaben" (learners: teachers find assignments in their
 * classes) in the site header; nothing for guests and signed-out visitors.
 */
export async function ClassesNav() {
  const user = await getSessionUser();
  if (!isAccountUser(user)) return null;
  return <ClassesNavLinks showAssignments={user.role === "learner"} />;
}
