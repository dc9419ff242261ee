/** A row that does not exist, or does not belong to the acting user: both render as 404. */
export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

/** The request is well-formed but not allowed in the current state (e.g. quiz already finished). */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConflictError";
  }
}

/** The acting user may not do this (wrong role, not a member). */
export class ForbiddenError extends Error {
  constructor(message = "forbidden") {
    super(message);
    this.name = "ForbiddenError";
  }
}

/**
 * Prisma's known request errors by code, the same on both databases, so callers need not
 * import an error class from one of the two generated clients.
 */
function hasPrismaCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === code;
}

/** A unique constraint refused the write (P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return hasPrismaCode(error, "P2002");
}

/** An update or delete whose `where` matched nothing (P2025). */
export function isRecordNotFound(error: unknown): boolean {
  return hasPrismaCode(error, "P2025");
}
