import { hash, verify } from "@node-rs/argon2";

/**
 * Password hashing and the password rules.
 *
 * Hashes are argon2id in PHC string form (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`), with
 * OWASP's recommended minimum cost (19 MiB, 2 passes, 1 lane): ~50 ms per hash on a busy
 * 2-core machine. The parameters travel inside each hash, so raising them later only affects
 * new hashes.
 */
const argon2Options = {
  // Algorithm.Argon2id: the package's enum is a `const enum`, which isolatedModules can't read.
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** NIST SP 800-63B: at least 8 (we ask 10), allow at least 64 (we allow 200). */
export const passwordMinLength = 10;
export const passwordMaxLength = 200;

/**
 * NIST SP 800-63B asks for Unicode normalisation before hashing, so "é" typed as one code
 * point or as "e" + combining accent is the same password on every keyboard.
 */
function normalizePassword(password: string): string {
  return password.normalize("NFKC");
}

/** Length in characters as a person counts them (code points), not UTF-16 units. */
export function countPasswordCharacters(password: string): number {
  return [...normalizePassword(password)].length;
}

export type PasswordIssue = "tooShort" | "tooLong" | "sameAsEmail";

/**
 * The password rules: 10–200 characters and not the email address itself. No character-class
 * rules (NIST: they make passwords harder to remember, not harder to guess). Returns the
 * first rule broken, or null.
 */
export function findPasswordIssue(password: string, email?: string): PasswordIssue | null {
  const length = countPasswordCharacters(password);
  if (length < passwordMinLength) return "tooShort";
  if (length > passwordMaxLength) return "tooLong";
  if (email && normalizePassword(password).trim().toLowerCase() === email.trim().toLowerCase()) return "sameAsEmail";
  return null;
}

export async function hashPassword(password: string): Promise<string> {
  return hash(normalizePassword(password), argon2Options);
}

/** True when the password matches the hash; false for a wrong password or a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalizePassword(password));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same work as checking a real password, for sign-ins with an unknown email, so the
 * response time does not tell whether an address has an account. Always false.
 */
export async function verifyDummyPassword(password: string): Promise<false> {
  dummyHash ??= hashPassword("faktum-dummy-password-for-constant-timing");
  await verifyPassword(await dummyHash, password);
  return false;
}
