import { createTranslator } from "next-intl";
import { redirect } from "next/navigation";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import de from "../../messages/de";
import type { SessionUser } from "./session";

// The wrapper's collaborators: the session (who is asking) and next-intl (the request's
// translator). Both are replaced; the Prisma client is never created.
const session = vi.hoisted(() => ({ user: null as SessionUser | null, created: 0 }));
vi.mock("./db", () => ({ db: {} }));
vi.mock("./session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./session")>()),
  getSessionUser: async () => session.user,
  getOrCreateSessionUser: async () => {
    session.created++;
    session.user ??= { id: "new-guest", email: null, displayName: null, role: "learner", isGuest: true };
    return session.user;
  },
}));
vi.mock("next-intl/server", () => ({
  getTranslations: async () => createTranslator({ locale: "de", messages: de, timeZone: "Europe/Berlin" }),
}));

const { createAction, fail, formDataToObject } = await import("./action");
const { ConflictError, ForbiddenError, NotFoundError } = await import("./errors");

const learner: SessionUser = { id: "learner-1", email: "lena@example.org", displayName: null, role: "learner", isGuest: false };
const teacher: SessionUser = { id: "teacher-1", email: "tom@example.org", displayName: null, role: "teacher", isGuest: false };
const guest: SessionUser = { id: "guest-1", email: null, displayName: null, role: "learner", isGuest: true };

const form = (entries: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) for (const each of [value].flat()) data.append(key, each);
  return data;
};

const echoInput = z.object({ email: z.email({ error: "auth.errors.emailInvalid" }), password: z.string().min(10, { error: "auth.errors.passwordTooShort" }) });

beforeEach(() => {
  session.user = null;
  session.created = 0;
});

describe("createAction: input", () => {
  it("parses FormData with the schema and returns the handler's data", async () => {
    session.user = learner;
    const action = createAction({ input: z.object({ count: z.coerce.number().int(), tags: z.array(z.string()) }) }, async ({ input, user }) => ({
      doubled: input.count * 2,
      tags: input.tags,
      userId: user.id,
    }));
    expect(await action(null, form({ count: "21", tags: ["a", "b"] }))).toEqual({ ok: true, data: { doubled: 42, tags: ["a", "b"], userId: "learner-1" } });
    expect(await action(null, { count: 1, tags: [] })).toEqual({ ok: true, data: { doubled: 2, tags: [], userId: "learner-1" } });
  });

  it("turns zod issues into translated field errors, never a throw, and echoes only listed fields", async () => {
    session.user = learner;
    const handler = vi.fn(async () => "never");
    const action = createAction({ input: echoInput, echo: ["email"] }, handler);
    const state = await action(null, form({ email: "nope", password: "short" }));
    expect(state).toEqual({
      ok: false,
      message: "Bitte prüfe die markierten Felder.",
      errors: { email: ["Bitte gib eine gültige E-Mail-Adresse ein."], password: ["Das Passwort muss mindestens 10 Zeichen lang sein."] },
      values: { email: "nope" },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("uses a generic message for issues that carry no catalog key (zod's own English)", async () => {
    session.user = learner;
    const action = createAction({ input: z.object({ count: z.number() }) }, async () => "never");
    expect(await action(null, form({}))).toEqual({ ok: false, message: "Bitte prüfe die markierten Felder.", errors: { count: ["Diese Eingabe ist ungültig."] } });
  });

  it("shows a form-level issue (empty path) as the message", async () => {
    session.user = learner;
    const input = z.object({ a: z.string(), b: z.string() }).refine((v) => v.a !== v.b, { error: "auth.errors.invalidCredentials" });
    const action = createAction({ input }, async () => "never");
    expect(await action(null, { a: "x", b: "x" })).toMatchObject({ ok: false, message: "E-Mail-Adresse oder Passwort ist falsch.", errors: {} });
  });
});

describe("createAction: access", () => {
  const run = (access: "public" | "guest" | "user" | "account" | "teacher") =>
    createAction({ access, input: z.object({}) }, async ({ user }) => user?.id ?? "nobody")(null, {});
  const signInRequired = { ok: false, message: "Bitte melde dich an, um fortzufahren.", errors: {} };
  const forbidden = { ok: false, message: "Dafür fehlt dir die Berechtigung.", errors: {} };

  it("defaults to a signed-in account: no session and guests are asked to sign in", async () => {
    const action = createAction({ input: z.object({}) }, async () => "ran");
    expect(await action(null, {})).toEqual(signInRequired);
    session.user = guest;
    expect(await action(null, {})).toEqual(signInRequired);
    session.user = learner;
    expect(await action(null, {})).toEqual({ ok: true, data: "ran" });
  });

  it("teacher: only teachers; a learner is forbidden", async () => {
    expect(await run("teacher")).toEqual(signInRequired);
    session.user = learner;
    expect(await run("teacher")).toEqual(forbidden);
    session.user = teacher;
    expect(await run("teacher")).toEqual({ ok: true, data: "teacher-1" });
  });

  it("public: anyone, user may be null", async () => {
    expect(await run("public")).toEqual({ ok: true, data: "nobody" });
    session.user = guest;
    expect(await run("public")).toEqual({ ok: true, data: "guest-1" });
  });

  it("user: any session, guests included", async () => {
    expect(await run("user")).toEqual(signInRequired);
    session.user = guest;
    expect(await run("user")).toEqual({ ok: true, data: "guest-1" });
  });

  it("guest: creates a guest when there is no session", async () => {
    expect(await run("guest")).toEqual({ ok: true, data: "new-guest" });
    expect(session.created).toBe(1);
  });

  it("checks access before parsing input (no validation hints for outsiders)", async () => {
    const action = createAction({ access: "teacher", input: echoInput }, async () => "never");
    expect(await action(null, form({ email: "nope" }))).toEqual(signInRequired);
  });
});

describe("createAction: errors", () => {
  const throwing = (error: unknown) => {
    session.user = learner;
    return createAction({ input: z.object({}), echo: ["title"] }, async () => {
      throw error;
    })(null, { title: "Kept" });
  };

  it("maps typed errors to messages, keeping the echoed values", async () => {
    expect(await throwing(new NotFoundError("quiz"))).toEqual({ ok: false, message: "Das gibt es nicht (mehr) – oder es gehört nicht zu dir.", errors: {}, values: { title: "Kept" } });
    expect(await throwing(new ForbiddenError())).toMatchObject({ ok: false, message: "Dafür fehlt dir die Berechtigung." });
    expect(await throwing(new ConflictError("auth.errors.emailTaken"))).toMatchObject({ ok: false, message: expect.stringContaining("gibt es schon ein Konto") });
    expect(await throwing(new ConflictError("quiz already finished"))).toMatchObject({ ok: false, message: "Das geht gerade nicht. Bitte lade die Seite neu." });
  });

  it("maps a ZodError thrown by the handler like invalid input", async () => {
    const error = z.object({ email: z.email({ error: "auth.errors.emailInvalid" }) }).safeParse({ email: "x" }).error;
    expect(await throwing(error)).toMatchObject({ ok: false, errors: { email: ["Bitte gib eine gültige E-Mail-Adresse ein."] } });
  });

  it("logs an unexpected error and answers with a generic message instead of a 500", async () => {
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await throwing(new Error("database on fire"))).toMatchObject({ ok: false, message: "Etwas ist schiefgelaufen. Bitte versuche es noch einmal." });
    expect(consoleError).toHaveBeenCalledOnce();
    consoleError.mockRestore();
  });

  it("lets redirect() through", async () => {
    session.user = learner;
    const action = createAction({ input: z.object({}) }, async () => redirect("/account"));
    await expect(action(null, {})).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });

  it("returns fail(…) results translated, with ICU values and field errors", async () => {
    session.user = learner;
    const retryAt = new Date("2026-03-01T13:45:00Z");
    const action = createAction({ input: z.object({}) }, async () =>
      fail("auth.errors.rateLimited", { values: { minutes: 12, retryAt }, errors: { email: ["auth.errors.emailTaken", "plain text"] } }),
    );
    const state = await action(null, {});
    expect(state).toMatchObject({ ok: false, message: expect.stringContaining("in 12 Minuten wieder (ab 14:45 Uhr)") });
    expect(state.ok === false && state.errors.email).toEqual([expect.stringContaining("gibt es schon ein Konto"), "plain text"]);
  });
});

describe("formDataToObject", () => {
  it("keeps single values, collects repeated names into arrays, drops Next's own fields", () => {
    const data = form({ one: "1", many: ["a", "b", "c"] });
    data.append("$ACTION_ID_abc", "");
    expect(formDataToObject(data)).toEqual({ one: "1", many: ["a", "b", "c"] });
  });
});
