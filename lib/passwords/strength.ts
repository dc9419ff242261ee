import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as de from "@zxcvbn-ts/language-de";
import * as en from "@zxcvbn-ts/language-en";

/**
 * The guessability rule for new passwords, framework-free (no next, no prisma).
 *
 * zxcvbn estimates how many guesses a cracker needs, from lists of common passwords, names and
 * words (the common, German and English dictionaries), keyboard patterns, dates, repeats and
 * sequences. Its score runs 0–4; we ask for at least 3 ("safely unguessable": about 10^8
 * guesses or more), which refuses `password12`, `1234567890` and `qwertzuiop` but lets a short
 * sentence of ordinary words through. The person's own inputs (e-mail address, name) count as
 * dictionary words, so a password built from them scores low too.
 */
export const minimumPasswordScore = 3;

let estimator: ZxcvbnFactory | undefined;

/** Built on first use: the dictionaries are large, so sign-in alone never pays for them. */
function getEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...de.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return estimator;
}

/** zxcvbn's score (0–4) for `password`, with `userInputs` (e-mail, name) as extra words. */
export function scorePassword(password: string, userInputs: string[] = []): number {
  const words = userInputs.flatMap((input) => [input, ...input.toLowerCase().split(/[^\p{L}\p{N}]+/u)]).filter((word) => word.length >= 3);
  return getEstimator().check(password, words).score;
}

/** True when `password` is too easy to guess for a new password. */
export function isGuessablePassword(password: string, userInputs: string[] = []): boolean {
  return scorePassword(password, userInputs) < minimumPasswordScore;
}
