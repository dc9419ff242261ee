import type { DatePrecision, FactSet, HistoricalEvent, LocalizedAliases, LocalizedText } from "./schema";
import { parseFactSet } from "./validate-fact-set";

/**
 * The general membership model: who belonged to an organisation, from when to when. Members
 * need not be countries (US states, clubs); each has names per locale, aliases, membership
 * periods with dates known to the day, month or year, a founding flag and named groups.
 * `toFactSet` turns it into the fact-set shape the question generator consumes.
 */

/** A date as far as it is known: `date` is the first day it may stand for (2004 → 2004-01-01). */
export interface PartialDate {
  date: string;
  precision: DatePrecision;
}

/** One stretch of membership: joined, and (if it ended) left. A rejoin is a further period. */
export interface MembershipPeriod {
  joined: PartialDate;
  left?: PartialDate;
}

export interface Member {
  /** Stable id, a lower-case slug unique in the table. */
  id: string;
  name: LocalizedText;
  aliases: LocalizedAliases;
  founding: boolean;
  /** Ids of the table's groups this member belongs to. */
  groups: string[];
  /** Oldest first; never overlapping. */
  periods: MembershipPeriod[];
}

export interface MembershipGroup {
  id: string;
  label: LocalizedText;
}

export interface MemberNoun {
  de: { singular: string; plural: string; gender: "m" | "f" | "n" };
  en: { singular: string; plural: string };
}

export interface Membership {
  members: Member[];
  groups: MembershipGroup[];
  /** Optional dated events (summits, treaties), in the fact-set shape. */
  events?: HistoricalEvent[];
}

/** What the table does not say and the importing person gives: names of the set and the organisation. */
export interface FactSetDescription {
  /** Fact-set id, lower-case slug. */
  id: string;
  version?: number;
  title: LocalizedText;
  organization: { name: LocalizedText; dative: LocalizedText };
  memberNoun?: MemberNoun;
  /** The day the table is complete to ("members today"); no date may lie after it. */
  asOf: string;
}

export const defaultMemberNoun: MemberNoun = {
  de: { singular: "Land", plural: "Länder", gender: "n" },
  en: { singular: "country", plural: "countries" },
};

/**
 * The fact set for a membership table: one country entry per member, one accession per
 * membership period (founding only for a founder's first), the groups as named groups and
 * the table itself as the one source. Founders' dates mean "membership began", not a signing.
 * Validated like a shipped fact set; throws InvalidFactSetError if a rule is broken.
 */
export function toFactSet(membership: Membership, description: FactSetDescription): FactSet {
  const title = description.title;
  const sourceTitle = title.de === title.en ? title.de : `${title.de} / ${title.en}`;
  const json = {
    id: description.id,
    version: description.version ?? 1,
    title,
    description: { de: `Aus einer Tabelle importiert: ${title.de}`, en: `Imported from a table: ${title.en}` },
    organization: description.organization,
    asOf: description.asOf,
    sources: [{ id: "table", title: sourceTitle }],
    countries: membership.members.map((member) => ({
      id: member.id,
      name: member.name,
      aliases: member.aliases,
      groups: member.groups,
      formerCommunist: false,
    })),
    accessions: membership.members.flatMap((member) =>
      member.periods.map((period, k) => ({
        id: `${member.id}-${k + 1}`,
        country: member.id,
        date: period.joined.date,
        ...(period.joined.precision === "day" ? {} : { precision: period.joined.precision }),
        ...(period.left
          ? { left: period.left.date, ...(period.left.precision === "day" ? {} : { leftPrecision: period.left.precision }) }
          : {}),
        founding: member.founding && k === 0,
        sources: [{ ref: "table" }],
      })),
    ),
    events: membership.events ?? [],
    groups: membership.groups,
    foundingDate: "joined",
    memberNoun: description.memberNoun ?? defaultMemberNoun,
  };
  return parseFactSet(json, `${description.id}.csv`);
}
