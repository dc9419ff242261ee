import type { FactSet, Locale } from "../facts/schema";
import { locales } from "../facts/schema";
import { otherCountryNames } from "./other-country-names";

/**
 * Matching a typed country name against the fact set. The rule: find the country whose
 * spelling is closest to the input among ALL countries the matcher knows (the fact set's,
 * in both locales with aliases and names at accession, plus common non-members); the answer
 * is correct only if that closest country is the target and no other country is equally
 * close. "Slowakei" therefore never counts for "Slowenien", and "Irland" never for "Island".
 */

export interface TypedAnswerMatch {
  correct: boolean;
  /** The fact set country the input unambiguously names, if any (also when it is the wrong one). */
  matched?: string;
}

interface Spelling {
  countryId: string;
  /** Whether the country belongs to the fact set (only those are reported as `matched`). */
  isInFactSet: boolean;
  normalized: string;
  /** Edits tolerated for this spelling. */
  tolerance: number;
}

/** Inputs longer than this are not names; they are rejected without comparing. */
const maxInputLength = 100;

const leadingArticle = /^(der|die|das|den|dem|des|the)\s+/;

/**
 * The comparable form of a name: lower case; "ß" → "ss"; diacritics dropped and the German
 * transliterations "ae", "oe", "ue" folded the same way ("Türkei", "Tuerkei", "Turkei" agree);
 * punctuation and a leading article ("die Slowakei", "the Netherlands") removed; no spaces.
 */
export function normalizeCountryName(text: string): string {
  const words = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/æ/g, "ae")
    .replace(/œ/g, "oe")
    .replace(/ø/g, "o")
    .replace(/ł/g, "l")
    .replace(/đ/g, "d")
    .replace(/ı/g, "i")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(leadingArticle, "");
  return words.replace(/\s+/g, "").replace(/ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u");
}

/** Edits tolerated for a spelling of this (normalised) length: none up to 4, one up to 8, two beyond. */
function toleranceFor(length: number): number {
  if (length <= 4) return 0;
  if (length <= 8) return 1;
  return 2;
}

/**
 * Optimal-string-alignment (restricted Damerau–Levenshtein) distance: insertions,
 * deletions, substitutions and swaps of neighbouring letters each cost one. Returns
 * `limit + 1` as soon as the distance is known to exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** A name and, when it carries a parenthesis, each part on its own ("West Germany (Federal Republic of Germany)"). */
function nameVariants(name: string): string[] {
  const inner = [...name.matchAll(/\(([^)]*)\)/g)].map((m) => m[1] ?? "");
  const outer = name.replace(/\([^)]*\)/g, " ");
  return [name, outer, ...inner];
}

const spellingCache = new WeakMap<FactSet, Spelling[]>();

function spellingsOf(factSet: FactSet): Spelling[] {
  const cached = spellingCache.get(factSet);
  if (cached) return cached;
  const spellings: Spelling[] = [];
  const seen = new Set<string>();
  const add = (countryId: string, isInFactSet: boolean, name: string) => {
    for (const variant of nameVariants(name)) {
      const normalized = normalizeCountryName(variant);
      const key = `${countryId}:${normalized}`;
      if (!normalized || seen.has(key)) continue;
      seen.add(key);
      spellings.push({ countryId, isInFactSet, normalized, tolerance: toleranceFor(normalized.length) });
    }
  };
  for (const country of factSet.countries) {
    for (const name of namesOf(country.id, factSet)) add(country.id, true, name);
  }
  const listed = new Set(factSet.countries.map((c) => c.id));
  for (const [id, names] of Object.entries(otherCountryNames)) {
    if (!listed.has(id)) for (const name of names) add(id, false, name);
  }
  spellingCache.set(factSet, spellings);
  return spellings;
}

/** Every name of a country in the fact set: canonical names, aliases and names at accession, all locales. */
function namesOf(countryId: string, factSet: FactSet): string[] {
  return locales.flatMap((locale) => acceptedAnswers(countryId, factSet, locale));
}

/**
 * The spellings accepted for a country, for showing to a person: the canonical name in
 * `locale` first, then its aliases and name at accession there, then the other locales'.
 */
export function acceptedAnswers(countryId: string, factSet: FactSet, locale: Locale): string[] {
  const country = factSet.countries.find((c) => c.id === countryId);
  if (!country) return [];
  const atAccession = factSet.accessions.filter((a) => a.country === countryId).map((a) => a.nameAtAccession);
  const ordered = [locale, ...locales.filter((l) => l !== locale)];
  const names = ordered.flatMap((l) => [
    country.name[l],
    ...country.aliases[l],
    ...atAccession.flatMap((name) => (name ? [name[l]] : [])),
  ]);
  return [...new Set(names)];
}

/**
 * Whether `input` names the country `target` (a country id of the fact set).
 *
 * Accepts any case, missing or extra diacritics (ü/ue, ß/ss, é/e), surrounding white space
 * and punctuation, a leading article, every name and alias in every locale, and small typos
 * (Damerau–Levenshtein: none for names of up to 4 letters, one up to 8, two beyond). Rejects
 * an input closer to another country, an input equally close to two countries, an input close
 * to no country, and empty input.
 */
export function matchTypedAnswer(input: string, target: string, factSet: FactSet): TypedAnswerMatch {
  if (typeof input !== "string" || input.length > maxInputLength) return { correct: false };
  const normalized = normalizeCountryName(input);
  if (!normalized) return { correct: false };

  // Per country: the closest any of its spellings comes, and the closest within that
  // spelling's tolerance. Raw distances beyond the largest tolerance do not matter.
  const limit = toleranceFor(Number.POSITIVE_INFINITY);
  const nearest = new Map<string, { distance: number; accepted: number; isInFactSet: boolean }>();
  for (const spelling of spellingsOf(factSet)) {
    const distance = editDistance(normalized, spelling.normalized, limit);
    const entry = nearest.get(spelling.countryId) ?? { distance: Infinity, accepted: Infinity, isInFactSet: spelling.isInFactSet };
    entry.distance = Math.min(entry.distance, distance);
    if (distance <= spelling.tolerance) entry.accepted = Math.min(entry.accepted, distance);
    nearest.set(spelling.countryId, entry);
  }

  let winner: string | undefined;
  let best = Infinity;
  for (const [countryId, entry] of nearest) {
    if (entry.accepted < best) {
      best = entry.accepted;
      winner = countryId;
    }
  }
  if (winner === undefined || best === Infinity) return { correct: false };
  // Unambiguous only if no other country comes as close, tolerated or not: "Slowakien" is
  // two edits from both "Slowakei" and "Slowenien" and names neither.
  for (const [countryId, entry] of nearest) {
    if (countryId !== winner && entry.distance <= best) return { correct: false };
  }
  if (!nearest.get(winner)?.isInFactSet) return { correct: false };
  return { correct: winner === target, matched: winner };
}
