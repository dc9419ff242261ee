import { z } from "zod";

/**
 * The shape of a fact set file in `data/`. A fact set is pure data: a second topic
 * (another alliance, the EU, …) is added as a new file of this shape, with no code change.
 *
 * Rules the schema enforces beyond field types are checked in `validate-fact-set.ts`
 * (unique ids, references that resolve, dates that exist).
 */

export const locales = ["de", "en"] as const;
export type Locale = (typeof locales)[number];

/** Text in every supported locale. */
export const localizedText = z.object({
  de: z.string().min(1),
  en: z.string().min(1),
});
export type LocalizedText = z.infer<typeof localizedText>;

/** Alternative spellings a learner may type, per locale (the canonical name is not repeated here). */
export const localizedAliases = z.object({
  de: z.array(z.string().min(1)).default([]),
  en: z.array(z.string().min(1)).default([]),
});
export type LocalizedAliases = z.infer<typeof localizedAliases>;

/** ISO calendar date, YYYY-MM-DD. Whether the day exists is checked in validation. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");

/** A reference work the fact set cites (the seed text, an official page, a treaty). */
export const sourceReference = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  /** Public address of the reference, if it has one. */
  url: z.string().url().optional(),
  /** Repository-relative path, for a source text shipped with the project. */
  path: z.string().optional(),
});
export type SourceReference = z.infer<typeof sourceReference>;

/**
 * Where a single fact comes from: a reference id, and, for the seed text, the sentence
 * that states it (quoted verbatim, in the text's language).
 */
export const factSource = z.object({
  ref: z.string().min(1),
  quote: z.string().min(1).optional(),
});
export type FactSource = z.infer<typeof factSource>;

export const country = z.object({
  /** ISO 3166-1 alpha-2 code, e.g. "PL". */
  id: z.string().regex(/^[A-Z]{2}$/, "expected an ISO 3166-1 alpha-2 code"),
  name: localizedText,
  aliases: localizedAliases,
  /** Used to pick plausible distractors from the same part of the world. */
  region: z.enum([
    "north-america",
    "northern-europe",
    "western-europe",
    "southern-europe",
    "central-europe",
    "eastern-europe",
    "baltic",
    "balkans",
  ]),
  formerWarsawPact: z.boolean(),
  /**
   * Its territory belonged to a Warsaw Pact state without the country being a member itself
   * (the Baltic states as Soviet republics, East Germany within today's Germany). Such a country
   * is neither a right nor a defensible wrong answer to "was it in the Warsaw Pact?", so
   * questions leave it out.
   */
  warsawPactTerritory: z.boolean().optional(),
  formerCommunist: z.boolean(),
  /** Why a classification above is what it is, where a learner could doubt it (successor states, the GDR). */
  note: localizedText.optional(),
  /** Where the classifications (Warsaw Pact, communist past) come from. */
  sources: z.array(factSource).optional(),
});
export type Country = z.infer<typeof country>;

/** A country becoming a member of the organisation the fact set is about. */
export const accession = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  country: z.string(),
  /** The day membership took effect (for founders: the day the founding treaty was signed). */
  date: isoDate,
  founding: z.boolean(),
  /** The state's name at the time, where it differs from today's (e.g. West Germany in 1955). */
  nameAtAccession: localizedText.optional(),
  sources: z.array(factSource).min(1),
  /** Context a learner needs, or where the seed text and the established record differ, told as history. Shown after answering. */
  note: localizedText.optional(),
  /** For the fact set's editors only (how the seed text words it, why a question asks what it asks): never rendered. */
  editorialNote: localizedText.optional(),
});
export type Accession = z.infer<typeof accession>;

export const eventKind = z.enum(["summit", "treaty", "agreement", "institution", "programme", "declaration", "conference", "milestone"]);
export type EventKind = z.infer<typeof eventKind>;

/** A dated event: a summit, a treaty, the founding of a forum. */
export const historicalEvent = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: eventKind,
  name: localizedText,
  aliases: localizedAliases,
  /** First (or only) day of the event. */
  date: isoDate,
  /** Last day, for events that span several days. */
  endDate: isoDate.optional(),
  /** How much of `date` is established and may be asked: the year, the month, or the exact day. */
  precision: z.enum(["year", "month", "day"]),
  place: localizedText.optional(),
  /** One sentence on what the event was, shown in explanations. */
  description: localizedText,
  /** Ids of events (programmes, declarations, invitations) that this event launched or adopted. */
  launched: z.array(z.string()).default([]),
  /** Ids of countries invited to join at this event. */
  invited: z.array(z.string()).default([]),
  /** Question to ask for this event's date, phrased for it ("Wann wurde … unterzeichnet?"). */
  datePrompt: localizedText,
  sources: z.array(factSource).min(1),
  /** Context a learner needs, shown after answering. */
  note: localizedText.optional(),
  /** For the fact set's editors only: never rendered. */
  editorialNote: localizedText.optional(),
});
export type HistoricalEvent = z.infer<typeof historicalEvent>;

export const factSet = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.number().int().positive(),
  title: localizedText,
  description: localizedText,
  /** The organisation's name as used in prompts: nominative and (German) dative forms. */
  organization: z.object({
    name: localizedText,
    /** German needs the dative after "beitreten" ("trat … der NATO bei"); English repeats the name. */
    dative: localizedText,
  }),
  /** The date up to which the fact set is complete ("members as of"). */
  asOf: isoDate,
  sources: z.array(sourceReference).min(1),
  countries: z.array(country).min(1),
  accessions: z.array(accession).min(1),
  events: z.array(historicalEvent).default([]),
});
export type FactSet = z.infer<typeof factSet>;
