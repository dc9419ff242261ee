import { notFound } from "next/navigation";
import { NotFoundError } from "./errors";

/**
 * For pages: the data layer's NotFoundError (a row that does not exist or is not the user's)
 * becomes Next's 404 page; anything else stays an error.
 */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
