import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { readBodyAtMost } from "@/lib/http/read-body";
import { getRequestLocale } from "@/lib/i18n/request";
import { ConflictError, ForbiddenError, NotFoundError } from "./errors";
import { isSameOriginRequest, isStateChangingMethod } from "./origin";
import { getOrCreateSessionUser, getSessionUser, isAccountUser, type AccountUser, type SessionUser } from "./session";

/**
 * THE wrapper for route handlers (app/api), the counterpart of `createAction`. It
 *
 * 1. refuses a state-changing request (POST, PUT, PATCH, DELETE) from another origin: 403,
 * 2. re-reads the session and checks access: 401 (or 404 with `denyAs: "notFound"`, where
 *    even the existence of the thing must not show) / 403 for the wrong role,
 * 3. with an `input` schema: reads at most `maxBodyBytes` (413), needs JSON (415), parses it (400),
 * 4. maps typed errors to statuses: NotFoundError 404, ForbiddenError 403, ConflictError 409,
 *    RouteError its own, zod 400, anything else is logged and 500.
 *
 * Every failure is `{ message }` in the request's language, never an id, a catalog key or a
 * stack; a ConflictError whose message is a catalog key shows that text.
 *
 * ```ts
 * export const POST = createRoute({ access: "account", input: z.object({ title: z.string() }) },
 *   async ({ input, user, params }) => Response.json(await renameQuiz(user.id, params.quizId, input.title)));
 * ```
 */
/** As for actions, plus `none`: the session is not read at all (the health probe). */
export type RouteAccess = "none" | "public" | "guest" | "user" | "account" | "teacher";

type UserFor<Access extends RouteAccess> = Access extends "none"
  ? null
  : Access extends "public"
  ? SessionUser | null
  : Access extends "account" | "teacher"
    ? AccountUser
    : SessionUser;

/** A dynamic segment holding an id: ids are short, so anything long is no id of ours. */
export const idParam = z.string().min(1).max(100);

/** A refusal with its own status; `message` is a catalog key (or plain text). */
export class RouteError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "RouteError";
  }
}

interface RouteOptions<ParamsSchema extends z.ZodType | undefined, Schema extends z.ZodType | undefined, Access extends RouteAccess> {
  access?: Access;
  /** The dynamic segments' schema; segments that do not fit it are a 404 (nothing has that id). */
  params?: ParamsSchema;
  /** The JSON body's schema; without one the body is not read. */
  input?: Schema;
  /** 8 KB unless said otherwise: no request of this app's clients comes near it. */
  maxBodyBytes?: number;
  /** Answer a missing session or the wrong role with 404 instead of 401/403. */
  denyAs?: "notFound";
}

type RouteContext<Params> = { params: Promise<Params> };

const defaultMaxBodyBytes = 8 * 1024;
const noStore = { "cache-control": "no-store" };

export function createRoute<
  ParamsSchema extends z.ZodType | undefined = undefined,
  Schema extends z.ZodType | undefined = undefined,
  Access extends RouteAccess = "account",
>(
  options: RouteOptions<ParamsSchema, Schema, Access>,
  handler: (context: {
    request: Request;
    params: ParamsSchema extends z.ZodType ? z.output<ParamsSchema> : Record<string, never>;
    input: Schema extends z.ZodType ? z.output<Schema> : undefined;
    user: UserFor<Access>;
  }) => Promise<Response>,
): (request: Request, context: RouteContext<unknown>) => Promise<Response> {
  const access: RouteAccess = options.access ?? "account";
  return async (request, context) => {
    try {
      if (isStateChangingMethod(request.method) && !isSameOriginRequest(request.headers, request.headers.get("host"))) {
        return await routeFailure(403, "actions.crossOrigin");
      }
      const user = await resolveUser(access);
      if (user === "signed-out") return await routeFailure(options.denyAs ? 404 : 401, options.denyAs ? "actions.notFound" : "actions.signInRequired");
      if (user === "forbidden") return await routeFailure(options.denyAs ? 404 : 403, options.denyAs ? "actions.notFound" : "actions.forbidden");

      let input: unknown = undefined;
      if (options.input) {
        if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
          return await routeFailure(415, "actions.unsupportedMediaType");
        }
        const body = await readBody(request, options.maxBodyBytes ?? defaultMaxBodyBytes);
        if (body === null) return await routeFailure(413, "actions.tooLarge");
        let json: unknown;
        try {
          json = JSON.parse(body);
        } catch {
          return await routeFailure(400, "actions.badRequest");
        }
        const parsed = options.input.safeParse(json);
        if (!parsed.success) return await routeFailure(400, "actions.invalidInput");
        input = parsed.data;
      }
      let params: unknown = (await context.params) ?? {};
      if (options.params) {
        const parsed = options.params.safeParse(params);
        if (!parsed.success) return await routeFailure(404, "actions.notFound");
        params = parsed.data;
      }
      return await handler({ request, params: params as never, input: input as never, user: user as UserFor<Access> });
    } catch (error) {
      return routeFailureFromError(error);
    }
  };
}

/** The status and catalog key a thrown error becomes (exported for tests). */
export function statusForError(error: unknown): { status: number; message: string } {
  if (error instanceof RouteError) return { status: error.status, message: error.message };
  if (error instanceof NotFoundError) return { status: 404, message: "actions.notFound" };
  if (error instanceof ForbiddenError) return { status: 403, message: "actions.forbidden" };
  if (error instanceof ConflictError) return { status: 409, message: error.message };
  if (error instanceof z.ZodError) return { status: 400, message: "actions.invalidInput" };
  console.error("[route] unexpected error", error);
  return { status: 500, message: "actions.unexpected" };
}

async function routeFailureFromError(error: unknown): Promise<Response> {
  const { status, message } = statusForError(error);
  const fallback = status === 409 ? "actions.conflict" : status === 400 ? "actions.badRequest" : "actions.unexpected";
  return routeFailure(status, message, fallback);
}

/**
 * `{ message }` with `status`: `key` translated for the request's locale. Text that is no
 * catalog key is replaced by `fallback`'s text, so an internal message never reaches a client.
 */
export async function routeFailure(status: number, key: string, fallback = "actions.unexpected"): Promise<Response> {
  let message = "Error";
  try {
    const t = await getTranslations({ locale: await getRequestLocale() });
    message = /^[a-zA-Z][\w-]*(\.[\w-]+)+$/.test(key) && t.has(key) ? t(key as never) : t(fallback as never);
  } catch {
    // no request scope (a unit test): the status alone must do
  }
  return Response.json({ message }, { status, headers: noStore });
}

async function resolveUser(access: RouteAccess): Promise<SessionUser | null | "signed-out" | "forbidden"> {
  if (access === "none") return null;
  if (access === "guest") return getOrCreateSessionUser();
  const user = await getSessionUser();
  if (access === "public") return user;
  if (access === "user") return user ?? "signed-out";
  if (!isAccountUser(user)) return "signed-out";
  if (access === "teacher" && user.role !== "teacher") return "forbidden";
  return user;
}

/** The body as text, or null once it exceeds `limit` bytes (the rest is not read). */
export async function readBody(request: Request, limit: number): Promise<string | null> {
  const bytes = await readBodyAtMost(request, limit);
  return bytes && Buffer.from(bytes).toString("utf8");
}
