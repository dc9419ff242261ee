/**
 * Class join codes: 8 characters from a 31-character alphabet without look-alikes (no 0/O,
 * 1/I/L), so a code read aloud or copied from a projector is typed right. 31^8 ≈ 8.5·10^11
 * codes: unguessable by trying, given the join form is behind sign-in. Uniqueness is the
 * database's job (Class.joinCode is unique; the data layer retries on a collision).
 */

export const joinCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const joinCodeLength = 8;

/**
 * A new code from `randomBytes` (node:crypto's in the app; a fixed source in tests). Bytes
 * at or above 248 (= 8 · 31) are skipped, so every character is equally likely.
 */
export function generateJoinCode(randomBytes: (size: number) => Uint8Array): string {
  const limit = Math.floor(256 / joinCodeAlphabet.length) * joinCodeAlphabet.length;
  let code = "";
  while (code.length < joinCodeLength) {
    for (const byte of randomBytes(joinCodeLength * 2)) {
      if (byte >= limit) continue;
      code += joinCodeAlphabet[byte % joinCodeAlphabet.length];
      if (code.length === joinCodeLength) break;
    }
  }
  return code;
}

/**
 * A code as typed, made comparable: upper-cased, spaces and dashes dropped ("abcd-efgh" and
 * "ABCD EFGH" are the same code). Look-alikes are not guessed: an O or a 1 stays invalid.
 */
export function normaliseJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

/** Whether `code` (normalised) could be a join code at all. */
export function isJoinCodeFormat(code: string): boolean {
  return code.length === joinCodeLength && [...code].every((ch) => joinCodeAlphabet.includes(ch));
}

/** A code for reading aloud: "ABCD-EFGH". */
export function formatJoinCode(code: string): string {
  return code.length === joinCodeLength ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}
