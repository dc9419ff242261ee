import type { Locale } from "../facts/schema";

/**
 * Every learner-facing sentence the question renderer produces, per locale. Code elsewhere
 * chooses which template to use and passes resolved names; only this file knows words.
 *
 * German needs grammar the fact set does not carry: some country names take an article
 * ("die Slowakei", "die Niederlande") and then decline ("der Slowakei", "den Niederlanden"),
 * and a plural name takes a plural verb ("die Niederlande traten … bei"). `term()` derives
 * those forms from the canonical name.
 */

/** A name ready to drop into a sentence, with the forms the templates need. */
export interface Term {
  /** Subject form, inside a sentence ("die Slowakei", "the Netherlands", "Polen"). */
  nom: string;
  /** Dative form (German), after "mit"/"zusammen mit"; English repeats `nom`. */
  dat: string;
  /** Plural names take a plural verb in German. */
  plural: boolean;
}

/** The organisation's names, as the fact set gives them. */
export interface OrgNames {
  /** Nominative ("NATO"). */
  name: string;
  /**
   * Dative ("der NATO"). German templates also use it where a genitive is needed
   * ("Gründungsmitglied der NATO"): for feminine names the two coincide. A masculine or
   * neuter organisation would need a genitive field in the schema.
   */
  dat: string;
  /** What a member is called; absent means countries ("Land"/"country"). */
  noun?: MemberNounForms;
}

/** A member noun per locale, as a fact set's `memberNoun` gives it. */
export interface MemberNounForms {
  de: { singular: string; plural: string; gender: "m" | "f" | "n" };
  en: { singular: string; plural: string };
}

const countryNoun: MemberNounForms = {
  de: { singular: "Land", plural: "Länder", gender: "n" },
  en: { singular: "country", plural: "countries" },
};

/** German forms that agree with the member noun's gender: "Welches Land", "Welcher Bundesstaat", "Welche Stadt". */
export function deNoun(org: OrgNames) {
  const { singular, plural, gender } = (org.noun ?? countryNoun).de;
  return {
    sg: singular,
    pl: plural,
    which: { m: "Welcher", f: "Welche", n: "Welches" }[gender],
    /** Dative of "jeder" ("jedem Land", "jeder Stadt"). */
    eachDat: { m: "jedem", f: "jeder", n: "jedem" }[gender],
    pronoun: { m: "er", f: "sie", n: "es" }[gender],
    only: { m: "einziger", f: "einzige", n: "einziges" }[gender],
  };
}

export function enNoun(org: OrgNames) {
  return (org.noun ?? countryNoun).en;
}

export interface EventWhen {
  precision: "year" | "month" | "day";
  date: string;
  endDate?: string;
}

export interface Templates {
  locale: Locale;
  term(name: string): Term;
  formatDate(isoDate: string): string;
  formatWhen(when: EventWhen): string;
  /** "A, B und C" / "A, B and C". */
  list(items: string[]): string;
  quote(text: string): string;
  /** The seed text as a learner reads its name: the source text the facts are taken from (not "Quelltext", which is source code). */
  seedTitle(title: string): string;
  booleanLabel(value: boolean): string;
  /** Separator in an ordered answer ("Spanien → Polen"). */
  sequenceSeparator: string;
  /** "Belgien → 1949". */
  pair(left: string, right: string): string;
  /** "am 12. März 1999" / "on 12 March 1999", from an already formatted date. */
  onDay(formattedDate: string): string;
  /** "im Jahr 2004" / "in 2004". */
  inYear(year: string): string;
  /** A date at its precision, ready for a sentence: "am 1. Mai 2004", "im Mai 2004", "im Jahr 2004". */
  atTime(when: EventWhen): string;
  prompt: {
    accessionYear(country: Term, org: OrgNames): string;
    accessionDate(country: Term, org: OrgNames): string;
    /** Built from the fact set's `datePrompt` ("Wann …?"), asking for the year. */
    eventYear(datePrompt: string): string;
    /** Asking for the exact day; `isMultiDay` asks for the first day. */
    eventDate(datePrompt: string, isMultiDay: boolean): string;
    eventPlace(datePrompt: string, eventName: string): string;
    eventLaunched(eventName: string, year: string): string;
  };
  explain: {
    /** The accession stated as a fact. `today` is the current name when it differs from the name at accession. */
    accession(p: {
      country: Term;
      today?: string;
      /** The accession date as `atTime` phrases it ("am 4. April 1949"). */
      when: string;
      /** Whether the founders' date is a treaty's signing (NATO) or just when membership began. */
      foundingSigned: boolean;
      /** When this membership ended, phrased by `atTime`, if it did. */
      left?: string;
      founding: boolean;
      together: Term[];
      isOnlyOneThatYear: boolean;
      org: OrgNames;
    }): string;
    /** `foundingWhen` as `atTime` phrases it. */
    foundingMembersAre(foundingWhen: string, signed: boolean, org: OrgNames): string;
    /** `foundingWhen` as `atTime` phrases it. */
    event(name: string, when: string, place: string | undefined, description: string): string;
    launched(eventName: string, when: string, launchedName: string, description: string): string;
  };
}

/** Upper-cases the first letter: for a name that starts a sentence ("Die Slowakei trat …"). */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

function dateFormatter(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(tag, { ...options, timeZone: "UTC" });
}

function utc(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

function makeDateHelpers(tag: string) {
  const day = dateFormatter(tag, { day: "numeric", month: "long", year: "numeric" });
  const month = dateFormatter(tag, { month: "long", year: "numeric" });
  const formatDate = (isoDate: string) => day.format(utc(isoDate));
  const formatWhen = (when: EventWhen): string => {
    if (when.precision === "year") return when.date.slice(0, 4);
    if (when.precision === "month") return month.format(utc(when.date));
    if (when.endDate && when.endDate !== when.date) return day.formatRange(utc(when.date), utc(when.endDate));
    return formatDate(when.date);
  };
  return { formatDate, formatWhen };
}

/** Replaces a leading question word ("Wann", "When") by another, keeping the rest of the prompt. */
function replaceQuestionWord(prompt: string, word: RegExp, replacement: string): string | undefined {
  return word.test(prompt) ? prompt.replace(word, replacement) : undefined;
}

// ---------------------------------------------------------------------------------------
// German

/** The question words a fact set's `datePrompt` starts with, swapped for "In welchem Jahr", "Wo", … */
const deQuestionWord = /^(Wann|In welchem Jahr|An welchem Tag)(?=\s)/;

/**
 * German country names that need an article, with their declined forms. Anything ending in
 * "-ei" (Slowakei, Türkei, Mongolei) and any "…republik" is feminine and handled by rule;
 * this table covers the rest, including adjectives that decline ("das Vereinigte Königreich",
 * "dem Vereinigten Königreich").
 */
const germanArticleNames: Record<string, Term> = {
  Niederlande: { nom: "die Niederlande", dat: "den Niederlanden", plural: true },
  "Vereinigte Staaten": { nom: "die Vereinigten Staaten", dat: "den Vereinigten Staaten", plural: true },
  "Vereinigte Staaten von Amerika": {
    nom: "die Vereinigten Staaten von Amerika",
    dat: "den Vereinigten Staaten von Amerika",
    plural: true,
  },
  USA: { nom: "die USA", dat: "den USA", plural: true },
  "Vereinigtes Königreich": { nom: "das Vereinigte Königreich", dat: "dem Vereinigten Königreich", plural: false },
  "Tschechische Republik": { nom: "die Tschechische Republik", dat: "der Tschechischen Republik", plural: false },
  "Slowakische Republik": { nom: "die Slowakische Republik", dat: "der Slowakischen Republik", plural: false },
  Schweiz: { nom: "die Schweiz", dat: "der Schweiz", plural: false },
  Ukraine: { nom: "die Ukraine", dat: "der Ukraine", plural: false },
  "Republik Moldau": { nom: "die Republik Moldau", dat: "der Republik Moldau", plural: false },
  Sowjetunion: { nom: "die Sowjetunion", dat: "der Sowjetunion", plural: false },
  DDR: { nom: "die DDR", dat: "der DDR", plural: false },
  BRD: { nom: "die BRD", dat: "der BRD", plural: false },
};

function germanTerm(name: string): Term {
  const known = germanArticleNames[name];
  if (known) return known;
  const lastWord = name.split(/\s+/).pop() ?? name;
  // "Bundesrepublik Deutschland": the head noun is the first word.
  if (/republik$/i.test(lastWord) || /^(Bundes)?republik\b/i.test(name) || /ei$/.test(name)) {
    return { nom: `die ${name}`, dat: `der ${name}`, plural: false };
  }
  return { nom: name, dat: name, plural: false };
}

const deDates = makeDateHelpers("de-DE");
const deList = new Intl.ListFormat("de", { style: "long", type: "conjunction" });

const de: Templates = {
  locale: "de",
  term: germanTerm,
  formatDate: deDates.formatDate,
  formatWhen: deDates.formatWhen,
  list: (items) => deList.format(items),
  quote: (text) => `„${text}“`,
  seedTitle: (title) => `Ausgangstext: ${title}`,
  booleanLabel: (value) => (value ? "Richtig" : "Falsch"),
  sequenceSeparator: " → ",
  pair: (left, right) => `${left} → ${right}`,
  onDay: (date) => `am ${date}`,
  inYear: (year) => `im Jahr ${year}`,
  atTime: (when) =>
    when.precision === "day" ? `am ${deDates.formatDate(when.date)}` : when.precision === "month" ? `im ${deDates.formatWhen(when)}` : `im Jahr ${when.date.slice(0, 4)}`,
  prompt: {
    accessionYear: (c, org) => `In welchem Jahr ${c.plural ? "traten" : "trat"} ${c.nom} ${org.dat} bei?`,
    accessionDate: (c, org) => `An welchem Tag ${c.plural ? "traten" : "trat"} ${c.nom} ${org.dat} bei?`,
    eventYear: (datePrompt) =>
      replaceQuestionWord(datePrompt, deQuestionWord, "In welchem Jahr") ?? `${datePrompt} (Gefragt ist das Jahr.)`,
    eventDate: (datePrompt, isMultiDay) =>
      (replaceQuestionWord(datePrompt, deQuestionWord, "An welchem Tag") ?? datePrompt) +
      (isMultiDay ? " Gefragt ist der erste Tag." : ""),
    eventPlace: (datePrompt, eventName) =>
      replaceQuestionWord(datePrompt, deQuestionWord, "Wo") ?? `Wo fand folgendes Ereignis statt: ${eventName}?`,
    eventLaunched: (eventName, year) =>
      `${eventName.includes(year) ? eventName : `${eventName} (${year})`}: Was wurde dabei ins Leben gerufen oder beschlossen?`,
  },
  explain: {
    accession: ({ country, today, when, foundingSigned, left, founding, together, isOnlyOneThatYear, org }) => {
      const subject = capitalize(country.nom) + (today ? ` (heute ${today})` : "");
      const leaving = left ? ` ${capitalize(country.nom)} ${country.plural ? "traten" : "trat"} ${left} aus.` : "";
      if (founding) {
        return foundingSigned
          ? `${subject} ${country.plural ? "sind" : "ist"} Gründungsmitglied ${org.dat}: Der Gründungsvertrag wurde ${when} unterzeichnet.${leaving}`
          : `${subject} ${country.plural ? "sind" : "ist"} Gründungsmitglied ${org.dat}: Die Mitgliedschaft begann ${when}.${leaving}`;
      }
      const context = together.length
        ? ` – zusammen mit ${deList.format(together.map((t) => t.dat))}`
        : isOnlyOneThatYear
          ? ` – als ${deNoun(org).only} ${deNoun(org).sg} in jenem Jahr`
          : "";
      return `${subject} ${country.plural ? "traten" : "trat"} ${org.dat} ${when} bei${context}.${leaving}`;
    },
    foundingMembersAre: (foundingWhen, signed, org) =>
      signed
        ? `Gründungsmitglieder sind die Staaten, die den Gründungsvertrag ${foundingWhen} unterzeichneten.`
        : `Gründungsmitglieder sind die Mitglieder, die ${org.dat} von Anfang an angehörten (${foundingWhen}).`,
    event: (name, when, place, description) => `${name} (${when}${place ? `, ${place}` : ""}): ${description}`,
    launched: (eventName, when, launchedName, description) =>
      `${eventName} (${when}): Dabei wurde „${launchedName}“ ins Leben gerufen bzw. beschlossen. ${description}`,
  },
};

// ---------------------------------------------------------------------------------------
// English

const enQuestionWord = /^(When|In (which|what) year|On (which|what) (date|day))(?=\s)/;

/** English names that take "the" inside a sentence. */
function englishTerm(name: string): Term {
  const needsArticle =
    /^(United|Czech Republic|Slovak Republic|Netherlands|Republic|Federal Republic|Kingdom|Soviet Union|Holy See)\b/.test(name) ||
    /\bRepublic$/.test(name);
  const nom = needsArticle && !/^the\b/i.test(name) ? `the ${name}` : name;
  return { nom, dat: nom, plural: false };
}

const enDates = makeDateHelpers("en-GB");
const enList = new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" });

const en: Templates = {
  locale: "en",
  term: englishTerm,
  formatDate: enDates.formatDate,
  formatWhen: enDates.formatWhen,
  list: (items) => enList.format(items),
  quote: (text) => `“${text}”`,
  seedTitle: (title) => `Source text (in German): ${title}`,
  booleanLabel: (value) => (value ? "True" : "False"),
  sequenceSeparator: " → ",
  pair: (left, right) => `${left} → ${right}`,
  onDay: (date) => `on ${date}`,
  inYear: (year) => `in ${year}`,
  atTime: (when) =>
    when.precision === "day" ? `on ${enDates.formatDate(when.date)}` : when.precision === "month" ? `in ${enDates.formatWhen(when)}` : `in ${when.date.slice(0, 4)}`,
  prompt: {
    accessionYear: (c, org) => `In which year did ${c.nom} join ${org.dat}?`,
    accessionDate: (c, org) => `On which date did ${c.nom} join ${org.dat}?`,
    eventYear: (datePrompt) =>
      replaceQuestionWord(datePrompt, enQuestionWord, "In which year") ?? `${datePrompt} (Give the year.)`,
    eventDate: (datePrompt, isMultiDay) =>
      (replaceQuestionWord(datePrompt, enQuestionWord, "On which date") ?? datePrompt) +
      (isMultiDay ? " Give the first day." : ""),
    eventPlace: (datePrompt, eventName) =>
      replaceQuestionWord(datePrompt, enQuestionWord, "Where") ?? `Where did the following take place: ${eventName}?`,
    eventLaunched: (eventName, year) =>
      `${eventName.includes(year) ? eventName : `${eventName} (${year})`}: what was launched or adopted there?`,
  },
  explain: {
    accession: ({ country, today, when, foundingSigned, left, founding, together, isOnlyOneThatYear, org }) => {
      const subject = capitalize(country.nom) + (today ? ` (now ${today})` : "");
      const leaving = left ? ` ${capitalize(country.nom)} left ${left}.` : "";
      if (founding) {
        return foundingSigned
          ? `${subject} is a founding member of ${org.name}: the founding treaty was signed ${when}.${leaving}`
          : `${subject} is a founding member of ${org.name}: membership began ${when}.${leaving}`;
      }
      const context = together.length
        ? `, together with ${enList.format(together.map((t) => t.nom))}`
        : isOnlyOneThatYear
          ? `, the only ${enNoun(org).singular} to join that year`
          : "";
      return `${subject} joined ${org.dat} ${when}${context}.${leaving}`;
    },
    foundingMembersAre: (foundingWhen, signed, org) =>
      signed
        ? `The founding members are the states that signed the founding treaty ${foundingWhen}.`
        : `The founding members are those that belonged to ${org.name} from the start (${foundingWhen}).`,
    event: (name, when, place, description) => `${name} (${when}${place ? `, ${place}` : ""}): ${description}`,
    launched: (eventName, when, launchedName, description) =>
      `${eventName} (${when}): “${launchedName}” was launched or adopted there. ${description}`,
  },
};

const templatesByLocale: Record<Locale, Templates> = { de, en };

export function templatesFor(locale: Locale): Templates {
  const templates = templatesByLocale[locale];
  if (!templates) throw new RangeError(`no question templates for locale "${String(locale)}"`);
  return templates;
}
