import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ConflictError, ForbiddenError, NotFoundError } from "./errors";
import { getOrCreateSessionUser, getSessionUser, isAccountUser, type AccountUser, type SessionUser } from "./session";

/**
 * THE wrapper for server actions. Every action goes through `createAction`, which
 *
 * 1. re-reads the session and checks access (never trust the page or a hidden field),
 * 2. turns FormData (or a plain object) into input and parses it with your zod schema,
 * 3. runs your handler with `{ input, user }`,
 * 4. maps what goes wrong to a typed, translated state instead of a 500:
 *    - zod issues              → `{ ok: false, errors: { field: [message] }, message }`
 *    - NotFoundError           → `{ ok: false, message: actions.notFound }`
 *    - ForbiddenError          → `{ ok: false, message: actions.forbidden }`
 *    - ConflictError(msg)      → `{ ok: false, message: msg translated }` (generic if msg is no key)
 *    - `return fail(…)`        → your own failure, e.g. a field error found in the handler
 *    - any other error         → logged, `{ ok: false, message: actions.unexpected }`
 *    `redirect()` and `notFound()` from next/navigation pass through untouched.
 *
 * Messages are message-catalog keys ("auth.errors.emailTaken"), translated here for the
 * request's locale; text that is not a key is shown as it is.
 *
 * ```ts
 * // app/quiz/actions.ts
 * "use server";
 * export const renameQuiz = createAction(
 *   { access: "user", input: z.object({ quizId: z.string(), title: z.string().min(1, { error: "quiz.errors.titleRequired" }) }), echo: ["title"] },
 *   async ({ input, user }) => {
 *     await renameQuizFor(user.id, input.quizId, input.title); // throws NotFoundError if not theirs
 *     revalidatePath("/quiz");
 *     return { renamed: true };                                 // → { ok: true, data: { renamed: true } }
 *   },
 * );
 *
 * // components/quiz/rename-form.tsx
 * "use client";
 * const [state, formAction, isPending] = useActionState(renameQuiz, null);
 * <form action={formAction}>
 *   <input name="title" defaultValue={state?.ok === false ? state.values?.title : ""} aria-describedby="title-error" />
 *   <p id="title-error">{state?.ok === false && state.errors.title?.[0]}</p>
 *   <p aria-live="polite">{state?.ok === false && state.message}</p>
 * </form>
 * ```
 * The action can also be called directly with an object: `await renameQuiz(null, { quizId, title })`.
 */

/** Who may run an action. */
export type ActionAccess =
  /** anyone; `user` is the session user or null */
  | "public"
  /** anyone; a guest learner (and session) is created when there is none */
  | "guest"
  /** any existing session, guest or account */
  | "user"
  /** a signed-in account (not a guest) — the default */
  | "account"
  /** a signed-in account with role "teacher" */
  | "teacher";

type UserFor<Access extends ActionAccess> = Access extends "public"
  ? SessionUser | null
  : Access extends "account" | "teacher"
    ? AccountUser
    : SessionUser;

/** Messages per field (`errors.email`, nested fields as `errors["answers.0"]`). */
export type FieldErrors = Partial<Record<string, string[]>>;

export type ActionFailureState = {
  ok: false;
  /** Always set: one sentence for the aria-live region. */
  message: string;
  errors: FieldErrors;
  /** The submitted values named in `echo`, to refill the form (React resets it after an action). */
  values?: Record<string, string>;
};
export type ActionState<TData = void> = { ok: true; data: TData } | ActionFailureState;
/** The state `useActionState` holds: `null` before the first submission. */
export type FormState<TData = void> = ActionState<TData> | null;

/** A failure decided by the handler: `return fail("auth.errors.rateLimited", { values: { minutes: 12 } })`. */
export class ActionFailure {
  constructor(
    readonly message: string,
    readonly options: { errors?: Record<string, string[]>; values?: Record<string, string | number | Date> } = {},
  ) {}
}

/**
 * Ends an action with a failure. `message` and each field error are message keys (or plain
 * text); `values` fills ICU placeholders in the message.
 */
export function fail(message: string, options: ActionFailure["options"] = {}): ActionFailure {
  return new ActionFailure(message, options);
}

/** The slice of next-intl's translator the wrapper uses (a fake one in tests). */
export interface Translate {
  (key: string, values?: Record<string, string | number | Date>): string;
  has(key: string): boolean;
}

interface ActionOptions<Schema extends z.ZodType, Access extends ActionAccess> {
  input: Schema;
  access?: Access;
  /** Input fields sent back on failure to refill the form. Never list a password. */
  echo?: readonly string[];
}

export type Action<TData> = (previous: FormState<TData> | unknown, input: FormData | Record<string, unknown>) => Promise<ActionState<TData>>;

/** What a handler returned, minus its `fail(…)` results: the `data` of the success state. */
export type ActionData<Result> = Exclude<Result, ActionFailure>;

export function createAction<Schema extends z.ZodType, Result, Access extends ActionAccess = "account">(
  options: ActionOptions<Schema, Access>,
  handler: (context: { input: z.output<Schema>; user: UserFor<Access> }) => Promise<Result>,
): Action<ActionData<Result>> {
  const access: ActionAccess = options.access ?? "account";
  return async (_previous, rawInput) => {
    const raw = rawInput instanceof FormData ? formDataToObject(rawInput) : (rawInput ?? {});
    const values = pickEchoedValues(raw, options.echo ?? []);
    const t = await getTranslator();
    try {
      const user = await resolveUser(access);
      if (user === "signed-out") return failure(t("actions.signInRequired"), {}, values);
      if (user === "forbidden") return failure(t("actions.forbidden"), {}, values);

      const parsed = options.input.safeParse(raw);
      if (!parsed.success) return failureFromZodError(parsed.error, t, values);

      const result = await handler({ input: parsed.data, user: user as UserFor<Access> });
      if (result instanceof ActionFailure) {
        const errors = Object.fromEntries(Object.entries(result.options.errors ?? {}).map(([field, keys]) => [field, keys.map((key) => translate(t, key))]));
        return failure(translate(t, result.message, result.options.values), errors, values);
      }
      return { ok: true, data: result as ActionData<Result> };
    } catch (error) {
      unstable_rethrow(error);
      return failureFromError(error, t, values);
    }
  };
}

// ── Internals (exported for tests) ───────────────────────────────────────────────────────

async function resolveUser(access: ActionAccess): Promise<SessionUser | null | "signed-out" | "forbidden"> {
  if (access === "guest") return getOrCreateSessionUser();
  const user = await getSessionUser();
  if (access === "public") return user;
  if (access === "user") return user ?? "signed-out";
  if (!isAccountUser(user)) return "signed-out";
  if (access === "teacher" && user.role !== "teacher") return "forbidden";
  return user;
}

async function getTranslator(): Promise<Translate> {
  const t = await getTranslations();
  const translator = (key: string, values?: Record<string, string | number | Date>) => t(key, values as Parameters<typeof t>[1]);
  return Object.assign(translator, { has: (key: string) => t.has(key) });
}

function isMessageKey(t: Translate, message: string): boolean {
  return /^[a-zA-Z][\w-]*(\.[\w-]+)+$/.test(message) && t.has(message);
}

/** A key from the catalogs, translated; anything else (already readable text) as it is. */
function translate(t: Translate, message: string, values?: Record<string, string | number | Date>): string {
  return isMessageKey(t, message) ? t(message, values) : message;
}

function failure(message: string, errors: FieldErrors, values: Record<string, string>): ActionFailureState {
  return Object.keys(values).length ? { ok: false, message, errors, values } : { ok: false, message, errors };
}

export function failureFromZodError(error: z.ZodError, t: Translate, values: Record<string, string> = {}): ActionFailureState {
  const errors: Record<string, string[]> = {};
  const formMessages: string[] = [];
  for (const issue of error.issues) {
    const text = isMessageKey(t, issue.message) ? translate(t, issue.message) : t("actions.invalidField");
    const field = issue.path.map(String).join(".");
    if (!field) formMessages.push(text);
    else if (!errors[field]?.includes(text)) (errors[field] ??= []).push(text);
  }
  return failure(formMessages[0] ?? t("actions.invalidInput"), errors, values);
}

export function failureFromError(error: unknown, t: Translate, values: Record<string, string> = {}): ActionFailureState {
  if (error instanceof z.ZodError) return failureFromZodError(error, t, values);
  if (error instanceof NotFoundError) return failure(t("actions.notFound"), {}, values);
  if (error instanceof ForbiddenError) return failure(t("actions.forbidden"), {}, values);
  if (error instanceof ConflictError) {
    return failure(isMessageKey(t, error.message) ? translate(t, error.message) : t("actions.conflict"), {}, values);
  }
  console.error("[action] unexpected error", error);
  return failure(t("actions.unexpected"), {}, values);
}

/**
 * FormData as a plain object: one value per name, an array when a name repeats (checkbox
 * groups). Next's own `$ACTION_…` fields are dropped.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (!(key in result)) result[key] = value;
    else if (Array.isArray(result[key])) (result[key] as unknown[]).push(value);
    else result[key] = [result[key], value];
  }
  return result;
}

function pickEchoedValues(raw: Record<string, unknown>, echo: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of echo) if (typeof raw[field] === "string") values[field] = raw[field] as string;
  return values;
}
