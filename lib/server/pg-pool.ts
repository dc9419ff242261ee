import pg from "pg";

// PostgreSQL's catalog columns of type `name` (OID 19) and `"char"` (OID 18) are unknown to
// @prisma/adapter-pg, so Prisma's schema engine fails with "Column type 'name' could not be
// deserialized" when it introspects. Both are plain text, so report them as `text` (OID 25).
const textOid = 25;
const textLikeOids = new Set([18, 19]);

type QueryResultLike = { fields?: { dataTypeID: number }[] };

function relabelTextLikeFields<T>(result: T): T {
  const results = Array.isArray(result) ? result : [result];
  for (const each of results as QueryResultLike[]) {
    for (const field of each?.fields ?? []) if (textLikeOids.has(field.dataTypeID)) field.dataTypeID = textOid;
  }
  return result;
}

class CatalogFriendlyClient extends pg.Client {
  // pg's query() has many overloads. Pool.query() calls it with a callback; direct callers
  // use the promise form. Both are relabelled; anything else passes through unchanged.
  query(...args: unknown[]): never {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      const callback = last as (error: unknown, result: unknown) => void;
      args[args.length - 1] = (error: unknown, result: unknown) => callback(error, error ? result : relabelTextLikeFields(result));
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result && typeof (result as Promise<unknown>).then === "function") {
      return (result as Promise<unknown>).then(relabelTextLikeFields) as never;
    }
    return result as never;
  }
}

/** A pg pool whose connections make Prisma's migration engine work on PostgreSQL. */
export function createPgPool(connectionString: string, max?: number): pg.Pool {
  return new pg.Pool({ connectionString, Client: CatalogFriendlyClient as unknown as typeof pg.Client, max });
}
