import { z } from "zod";
import { locales, type Locale } from "./locales";

/**
 * The shape of a fact set file in `data/`. A fact set is pure data: a second topic
 * (another alliance, the EU, …) is added as a new file of this shape, with no code change.
 *
 * Rules the schema enforces beyond field types are checked in `validate-fact-set.ts`
 * (unique ids, references that resolve, dates that exist).
 */

export { locales, type Locale };

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

/** How much of a date is known: the exact day, the month, or only the year. */
export const datePrecision = z.enum(["year", "month", "day"]);
export type DatePrecision = z.infer<typeof datePrecision>;

/**
 * A named group of members ("former Warsaw Pact state", "euro area"), with its label per
 * locale. Membership in a group is a yes/no fact per member (`country.groups`), except for
 * members that list it in `unclearGroups`.
 */
export const memberGroup = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: localizedText,
  /**
   * The group's own question, where "Which of these belong to the group <label>?" would read
   * worse than the group's history allows ("Welche dieser Länder gehörten früher dem
   * Warschauer Pakt an?"): the prompt, and the two headings of the explanation, each followed
   * by a list of names. A group without it is asked in the general wording.
   */
  question: z
    .object({
      prompt: localizedText,
      members: localizedText,
      nonMembers: localizedText,
    })
    .optional(),
});
export type MemberGroup = z.infer<typeof memberGroup>;

export const country = z.object({
  /**
   * ISO 3166-1 alpha-2 code ("PL") for a country; members of an imported table, which need
   * not be countries, get a lower-case slug ("m-bavaria"). Map questions only know ISO codes.
   */
  id: z.string().regex(/^(?:[A-Z]{2}|[a-z0-9][a-z0-9-]*)$/, "expected an ISO 3166-1 alpha-2 code or a lower-case slug"),
  name: localizedText,
  aliases: localizedAliases,
  /** Used to pick plausible distractors from the same part of the world. */
  region: z
    .enum([
    "north-america",
    "northern-europe",
    "western-europe",
    "southern-europe",
    "central-europe",
    "eastern-europe",
    "baltic",
    "balkans",
    ])
    .optional(),
  /** Ids of the fact set's `groups` this member belongs to. */
  groups: z.array(z.string()).optional(),
  /**
   * Ids of groups for which "belongs to it" is no yes/no fact for this member: its territory
   * belonged to a member state without the country being one itself (the Baltic states as
   * Soviet republics, East Germany within today's Germany, for the former Warsaw Pact). Such a
   * member is neither a right nor a defensible wrong answer about that group, so its questions
   * leave it out.
   */
  unclearGroups: z.array(z.string()).optional(),
  formerCommunist: z.boolean().default(false),
  /** Why a classification above is what it is, where a learner could doubt it (successor states, the GDR). */
  note: localizedText.optional(),
  /** Where the classifications (groups, communist past) come from. */
  sources: z.array(factSource).optional(),
});
export type Country = z.infer<typeof country>;

/** A country becoming a member of the organisation the fact set is about. */
export const accession = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  country: z.string(),
  /**
   * The day membership took effect (for founders: the day the founding treaty was signed,
   * unless the fact set's `foundingDate` says "joined"). With a coarser `precision` it is the
   * first day of the month or year that is known.
   */
  date: isoDate,
  /** How much of `date` is known; absent means the exact day. */
  precision: datePrecision.optional(),
  /** The day this membership ended (the member left); absent while it lasts. A rejoin is a further accession. */
  left: isoDate.optional(),
  /** How much of `left` is known; absent means the exact day. */
  leftPrecision: datePrecision.optional(),
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
  /** Named groups of members, replacing hard-wired flags for imported tables. */
  groups: z.array(memberGroup).optional(),
  /**
   * What the founders' accession date means: the signing of a founding treaty (NATO, the
   * default) or simply the day membership began (imported tables, which say no more).
   */
  foundingDate: z.enum(["signed", "joined"]).optional(),
  /** What a member is called ("Land"/"country", "Bundesstaat"/"state"); absent means countries. */
  memberNoun: z
    .object({
      de: z.object({ singular: z.string().min(1), plural: z.string().min(1), gender: z.enum(["m", "f", "n"]) }),
      en: z.object({ singular: z.string().min(1), plural: z.string().min(1) }),
    })
    .optional(),
});
export type FactSet = z.infer<typeof factSet>;
