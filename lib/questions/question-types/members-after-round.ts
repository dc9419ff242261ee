import type { FactIndex } from "../fact-index";
import { isMemberAt, precisionOf } from "../fact-index";
import type { OptionRef } from "../types";
import type { QuestionModule, Wording } from "./module";
import { orgOf, paramOf, pickNearest } from "./module";

/**
 * "How many members did NATO have after the enlargement of <date>?" A round is the set of
 * day-precise accessions of one day after the founding; the count is every member at the end
 * of that day (accessions up to and including it, less those who had left by then). A day is
 * asked only when the count is determined: no date known only to the month or year could fall
 * either side of it. Distractors are the other rounds' counts, the real numbers a learner may
 * confuse, each a different number from the answer and from each other.
 */
export const membersAfterRound: QuestionModule = {
  kind: "single",
  subjects: ({ index, isAllowed }) => {
    const counts = countsByDay(index);
    if (counts.length < 3) return [];
    return counts
      // The first day is no enlargement, with or without marked founders.
      .filter(({ day }) => day !== index.foundingDate && day !== counts[0]?.day)
      .filter(({ day }) => (index.accessionsByDate.get(day) ?? []).every((a) => isAllowed(a.id)))
      .filter(({ day, count }) => new Set(counts.filter((c) => c.day !== day && c.count !== count).map((c) => c.count)).size >= 2)
      .map(({ day, count }) => {
        const factIds = index.factSet.accessions.filter((a) => a.date === day).map((a) => a.id);
        return {
          key: day,
          focus: factIds,
          build: (rng) => {
            // One round per other count: two rounds can leave the same number when members leave.
            const seen = new Set([count]);
            const others = counts.filter((c) => !seen.has(c.count) && seen.add(c.count));
            const rank = counts.findIndex((c) => c.day === day);
            const distractors = pickNearest(others, 3, (c) => Math.abs(counts.indexOf(c) - rank), rng, 2);
            return {
              type: "members-after-round",
              kind: "single",
              factIds,
              params: { date: day },
              options: rng.shuffle([count, ...distractors.map((d) => d.count)]).map((n): OptionRef => ({ of: "count", value: String(n) })),
              answer: String(count),
            };
          },
        };
      });
  },
  prompt: (spec, index, t) => wording[t.locale].prompt(t.formatDate(paramOf(spec, "date")), orgOf(index, t)),
  explanation: (spec, index, t) => {
    const day = paramOf(spec, "date");
    const joined = (index.accessionsByDate.get(day) ?? []).map((a) =>
      t.term(a.nameAtAccession?.[t.locale] ?? index.countryById.get(a.country)?.name[t.locale] ?? a.country),
    );
    const count = memberCountAt(index, day) ?? 0;
    const isPlural = joined.length > 1 || Boolean(joined[0]?.plural);
    return wording[t.locale].explain(t.formatDate(day), t.list(joined.map((j) => j.nom)), isPlural, count, orgOf(index, t));
  },
};

/** Member count after each day-precise accession day whose count is determined, oldest first. */
function countsByDay(index: FactIndex): { day: string; count: number }[] {
  const days = [...index.accessionsByDate.keys()]
    .filter((day) => (index.accessionsByDate.get(day) ?? []).some((a) => precisionOf(a) === "day"))
    .sort();
  return days.flatMap((day) => {
    const count = memberCountAt(index, day);
    return count === undefined ? [] : [{ day, count }];
  });
}

/** Members at the end of `day`, or undefined when an imprecise date leaves it open. */
function memberCountAt(index: FactIndex, day: string): number | undefined {
  let count = 0;
  for (const country of index.factSet.countries) {
    const isMember = isMemberAt(index, country.id, day);
    if (isMember === undefined) return undefined;
    if (isMember) count++;
  }
  return count;
}

type Org = { name: string; dat: string };
const wording: Wording<{
  prompt: (date: string, org: Org) => string;
  explain: (date: string, joined: string, isPlural: boolean, count: number, org: Org) => string;
}> = {
  de: {
    prompt: (date, org) => `Wie viele Mitglieder hatte ${germanSubject(org)} nach der Erweiterung am ${date}?`,
    explain: (date, joined, isPlural, count, org) =>
      `Am ${date} ${isPlural ? "traten" : "trat"} ${joined} ${org.dat} bei; danach hatte ${germanSubject(org)} ${count} Mitglieder.`,
  },
  en: {
    prompt: (date, org) => `How many members did ${org.name} have after the enlargement of ${date}?`,
    explain: (date, joined, _isPlural, count, org) => `${joined} joined ${org.dat} on ${date}; ${org.name} then had ${count} members.`,
  },
};

/**
 * The organisation as a German subject: the templates already assume a feminine name (its
 * dative "der NATO" doubles as genitive), whose nominative takes "die".
 */
function germanSubject(org: Org): string {
  return org.dat.startsWith("der ") ? `die ${org.dat.slice(4)}` : org.name;
}
