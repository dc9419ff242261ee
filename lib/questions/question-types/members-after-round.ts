import type { FactIndex } from "../fact-index";
import type { OptionRef } from "../types";
import type { QuestionModule, Wording } from "./module";
import { orgOf, paramOf, pickNearest } from "./module";

/**
 * "How many members did NATO have after the enlargement of <date>?" A round is the set of
 * accessions of one day after the founding; the count is every accession up to and including
 * that day (no member has left). Distractors are the counts after other rounds (and the
 * founding), the real numbers a learner may confuse, all different because each round adds
 * at least one member.
 */
export const membersAfterRound: QuestionModule = {
  kind: "single",
  subjects: ({ index, isAllowed }) => {
    const counts = countsByDay(index);
    if (counts.length < 3) return [];
    return counts
      .filter(({ day }) => day !== index.foundingDate)
      .filter(({ day }) => (index.accessionsByDate.get(day) ?? []).every((a) => isAllowed(a.id)))
      .map(({ day, count }) => {
        const factIds = index.factSet.accessions.filter((a) => a.date === day).map((a) => a.id);
        return {
          key: day,
          focus: factIds,
          build: (rng) => {
            const others = counts.filter((c) => c.day !== day);
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
    const count = index.factSet.accessions.filter((a) => a.date <= day).length;
    const isPlural = joined.length > 1 || Boolean(joined[0]?.plural);
    return wording[t.locale].explain(t.formatDate(day), t.list(joined.map((j) => j.nom)), isPlural, count, orgOf(index, t));
  },
};

/** Member count after each accession day, oldest first. */
function countsByDay(index: FactIndex): { day: string; count: number }[] {
  const days = [...index.accessionsByDate.keys()].sort();
  return days.map((day) => ({ day, count: index.factSet.accessions.filter((a) => a.date <= day).length }));
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
