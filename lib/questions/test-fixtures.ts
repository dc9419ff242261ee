import type { Accession, Country, FactSet, HistoricalEvent, MemberGroup } from "../facts/schema";

/**
 * A NATO-shaped fact set for the question and grading tests, written independently of
 * data/nato.json so the generator is tested against more than one file. Dates are the
 * established record; sources point at a fictional seed text.
 */

type Region = Country["region"];

/** A named group asked in its own words, as NATO's former Warsaw Pact is. */
export const warsawPactGroup: MemberGroup = {
  id: "former-warsaw-pact",
  label: { de: "ehemaliger Warschauer-Pakt-Staat", en: "former Warsaw Pact state" },
  question: {
    prompt: {
      de: "Welche dieser Länder gehörten früher dem Warschauer Pakt an? Wähle alle zutreffenden aus.",
      en: "Which of these countries were members of the Warsaw Pact? Select all that apply.",
    },
    members: { de: "Ehemalige Mitglieder des Warschauer Pakts", en: "Former Warsaw Pact members" },
    nonMembers: { de: "Nicht im Warschauer Pakt", en: "Not in the Warsaw Pact" },
  },
};

function country(
  id: string,
  de: string,
  en: string,
  region: Region,
  flags: { warsawPact?: boolean; communist?: boolean } = {},
  aliases: { de?: string[]; en?: string[] } = {},
): Country {
  return {
    id,
    name: { de, en },
    aliases: { de: aliases.de ?? [], en: aliases.en ?? [] },
    region,
    ...(flags.warsawPact ? { groups: [warsawPactGroup.id] } : {}),
    formerCommunist: flags.communist ?? flags.warsawPact ?? false,
  };
}

const countries: Country[] = [
  country("BE", "Belgien", "Belgium", "western-europe"),
  country("CA", "Kanada", "Canada", "north-america"),
  country("DK", "Dänemark", "Denmark", "northern-europe"),
  country("FR", "Frankreich", "France", "western-europe"),
  country("IS", "Island", "Iceland", "northern-europe"),
  country("IT", "Italien", "Italy", "southern-europe"),
  country("LU", "Luxemburg", "Luxembourg", "western-europe"),
  country("NL", "Niederlande", "Netherlands", "western-europe", {}, { de: ["Holland"], en: ["Holland"] }),
  country("NO", "Norwegen", "Norway", "northern-europe"),
  country("PT", "Portugal", "Portugal", "southern-europe"),
  country("GB", "Vereinigtes Königreich", "United Kingdom", "western-europe", {}, {
    de: ["Großbritannien", "UK"],
    en: ["Great Britain", "Britain", "UK"],
  }),
  country("US", "Vereinigte Staaten", "United States", "north-america", {}, {
    de: ["USA", "Vereinigte Staaten von Amerika", "Amerika"],
    en: ["USA", "United States of America", "America"],
  }),
  country("GR", "Griechenland", "Greece", "southern-europe"),
  country("TR", "Türkei", "Türkiye", "southern-europe", {}, { de: ["Türkiye"], en: ["Turkey"] }),
  country("DE", "Deutschland", "Germany", "central-europe", {}, {
    de: ["Bundesrepublik Deutschland", "BRD", "Westdeutschland"],
    en: ["Federal Republic of Germany", "West Germany"],
  }),
  country("ES", "Spanien", "Spain", "southern-europe"),
  country("CZ", "Tschechien", "Czechia", "central-europe", { warsawPact: true }, {
    de: ["Tschechische Republik"],
    en: ["Czech Republic"],
  }),
  country("HU", "Ungarn", "Hungary", "central-europe", { warsawPact: true }),
  country("PL", "Polen", "Poland", "central-europe", { warsawPact: true }),
  country("BG", "Bulgarien", "Bulgaria", "balkans", { warsawPact: true }),
  country("EE", "Estland", "Estonia", "baltic", { communist: true }),
  country("LV", "Lettland", "Latvia", "baltic", { communist: true }),
  country("LT", "Litauen", "Lithuania", "baltic", { communist: true }),
  country("RO", "Rumänien", "Romania", "eastern-europe", { warsawPact: true }),
  country("SK", "Slowakei", "Slovakia", "central-europe", { warsawPact: true }, {
    de: ["Slowakische Republik"],
    en: ["Slovak Republic"],
  }),
  country("SI", "Slowenien", "Slovenia", "balkans", { communist: true }),
  country("AL", "Albanien", "Albania", "balkans", { warsawPact: true }),
  country("HR", "Kroatien", "Croatia", "balkans", { communist: true }),
  country("ME", "Montenegro", "Montenegro", "balkans", { communist: true }),
  country("MK", "Nordmazedonien", "North Macedonia", "balkans", { communist: true }, {
    de: ["Nordmakedonien"],
    en: ["Republic of North Macedonia"],
  }),
  country("FI", "Finnland", "Finland", "northern-europe"),
  country("SE", "Schweden", "Sweden", "northern-europe"),
];

const seedRef = "fixture-seed";

function accession(countryId: string, date: string, extra: Partial<Accession> = {}): Accession {
  return {
    id: `${countryId.toLowerCase()}-${date.slice(0, 4)}`,
    country: countryId,
    date,
    founding: false,
    sources: [{ ref: seedRef, quote: `Fixture: ${countryId} ${date}.` }],
    ...extra,
  };
}

const warsawPactNote = {
  de: "Die ersten ehemaligen Warschauer-Pakt-Staaten im Bündnis.",
  en: "The first former Warsaw Pact states in the alliance.",
};

const founders = ["BE", "CA", "DK", "FR", "IS", "IT", "LU", "NL", "NO", "PT", "GB", "US"];

const accessions: Accession[] = [
  ...founders.map((id) => accession(id, "1949-04-04", { founding: true })),
  accession("GR", "1952-02-18"),
  accession("TR", "1952-02-18"),
  accession("DE", "1955-05-06", {
    nameAtAccession: { de: "Bundesrepublik Deutschland", en: "West Germany" },
    note: {
      de: "Die DDR wurde mit der Wiedervereinigung 1990 Teil des Bündnisgebiets, ohne eigenen Beitritt.",
      en: "East Germany became alliance territory with reunification in 1990, without an accession of its own.",
    },
  }),
  accession("ES", "1982-05-30"),
  accession("CZ", "1999-03-12", { nameAtAccession: { de: "Tschechische Republik", en: "Czech Republic" }, note: warsawPactNote }),
  accession("HU", "1999-03-12", { note: warsawPactNote }),
  accession("PL", "1999-03-12", { note: warsawPactNote }),
  ...["BG", "EE", "LV", "LT", "RO", "SK", "SI"].map((id) => accession(id, "2004-03-29")),
  accession("AL", "2009-04-01"),
  accession("HR", "2009-04-01"),
  accession("ME", "2017-06-05"),
  accession("MK", "2020-03-27"),
  accession("FI", "2023-04-04"),
  accession("SE", "2024-03-07"),
];

function event(e: Omit<HistoricalEvent, "aliases" | "launched" | "invited" | "sources"> & Partial<HistoricalEvent>): HistoricalEvent {
  return {
    aliases: { de: [], en: [] },
    launched: [],
    invited: [],
    sources: [{ ref: "fixture-reference" }],
    ...e,
  };
}

const events: HistoricalEvent[] = [
  event({
    id: "north-atlantic-treaty",
    kind: "treaty",
    name: { de: "Nordatlantikvertrag", en: "North Atlantic Treaty" },
    date: "1949-04-04",
    precision: "day",
    place: { de: "Washington, D.C.", en: "Washington, D.C." },
    description: { de: "Der Gründungsvertrag der NATO.", en: "NATO's founding treaty." },
    datePrompt: { de: "Wann wurde der Nordatlantikvertrag unterzeichnet?", en: "When was the North Atlantic Treaty signed?" },
    sources: [{ ref: seedRef, quote: "Fixture: treaty signed 4 April 1949." }],
  }),
  event({
    id: "harmel-report",
    kind: "declaration",
    name: { de: "Harmel-Bericht", en: "Harmel Report" },
    date: "1967-12-13",
    endDate: "1967-12-14",
    precision: "month",
    place: { de: "Brüssel", en: "Brussels" },
    description: { de: "Verteidigung und Entspannung als zwei Pfeiler.", en: "Defence and détente as twin pillars." },
    datePrompt: { de: "Wann wurde der Harmel-Bericht verabschiedet?", en: "When was the Harmel Report adopted?" },
  }),
  event({
    id: "rome-summit-1991",
    kind: "summit",
    name: { de: "Gipfel von Rom 1991", en: "Rome Summit 1991" },
    date: "1991-11-07",
    endDate: "1991-11-08",
    precision: "day",
    place: { de: "Rom", en: "Rome" },
    description: { de: "Der Gipfel beschloss ein neues strategisches Konzept.", en: "The summit adopted a new strategic concept." },
    datePrompt: { de: "Wann fand der Gipfel von Rom statt?", en: "When did the Rome Summit take place?" },
    launched: ["strategic-concept-1991"],
  }),
  event({
    id: "strategic-concept-1991",
    kind: "declaration",
    name: { de: "Strategisches Konzept von 1991", en: "1991 Strategic Concept" },
    date: "1991-11-07",
    precision: "month",
    description: { de: "Das erste öffentliche strategische Konzept.", en: "The first public strategic concept." },
    datePrompt: { de: "Wann wurde das erste öffentliche strategische Konzept beschlossen?", en: "When was the first public strategic concept adopted?" },
  }),
  event({
    id: "nacc",
    kind: "institution",
    name: { de: "Nordatlantischer Kooperationsrat", en: "North Atlantic Cooperation Council" },
    date: "1991-12-20",
    precision: "day",
    place: { de: "Brüssel", en: "Brussels" },
    description: { de: "Ein Forum mit den früheren Gegnern.", en: "A forum with former adversaries." },
    datePrompt: { de: "Wann trat der Nordatlantische Kooperationsrat erstmals zusammen?", en: "When did the North Atlantic Cooperation Council first meet?" },
  }),
  event({
    id: "brussels-summit-1994",
    kind: "summit",
    name: { de: "Gipfel von Brüssel 1994", en: "Brussels Summit 1994" },
    date: "1994-01-10",
    endDate: "1994-01-11",
    precision: "day",
    place: { de: "Brüssel", en: "Brussels" },
    description: { de: "Der Gipfel lud zur Partnerschaft für den Frieden ein.", en: "The summit invited partners to the Partnership for Peace." },
    datePrompt: { de: "Wann fand der Gipfel von Brüssel statt?", en: "When did the Brussels Summit take place?" },
    launched: ["partnership-for-peace"],
  }),
  event({
    id: "partnership-for-peace",
    kind: "programme",
    name: { de: "Partnerschaft für den Frieden", en: "Partnership for Peace" },
    aliases: { de: ["PfP"], en: ["PfP"] },
    date: "1994-01-10",
    precision: "day",
    description: { de: "Ein Programm praktischer Zusammenarbeit.", en: "A programme of practical cooperation." },
    datePrompt: { de: "Wann wurde die Partnerschaft für den Frieden ins Leben gerufen?", en: "When was the Partnership for Peace launched?" },
  }),
  event({
    id: "madrid-summit-1997",
    kind: "summit",
    name: { de: "Gipfel von Madrid 1997", en: "Madrid Summit 1997" },
    date: "1997-07-08",
    endDate: "1997-07-09",
    precision: "day",
    place: { de: "Madrid", en: "Madrid" },
    description: { de: "Einladung an Polen, Tschechien und Ungarn.", en: "Invitations to Poland, the Czech Republic and Hungary." },
    datePrompt: { de: "Wann fand der Gipfel von Madrid statt?", en: "When did the Madrid Summit take place?" },
    invited: ["CZ", "HU", "PL"],
  }),
  event({
    id: "washington-summit-1999",
    kind: "summit",
    name: { de: "Gipfel von Washington 1999", en: "Washington Summit 1999" },
    date: "1999-04-23",
    endDate: "1999-04-25",
    precision: "day",
    place: { de: "Washington, D.C.", en: "Washington, D.C." },
    description: { de: "Der Jubiläumsgipfel zum 50-jährigen Bestehen.", en: "The fiftieth-anniversary summit." },
    datePrompt: { de: "Wann fand der Gipfel von Washington statt?", en: "When did the Washington Summit take place?" },
    launched: ["membership-action-plan"],
  }),
  event({
    id: "membership-action-plan",
    kind: "programme",
    name: { de: "Aktionsplan zur Mitgliedschaft", en: "Membership Action Plan" },
    aliases: { de: ["MAP"], en: ["MAP"] },
    date: "1999-04-24",
    precision: "month",
    description: { de: "Ein Programm für Beitrittskandidaten.", en: "A programme for aspiring members." },
    datePrompt: { de: "Wann wurde der Aktionsplan zur Mitgliedschaft beschlossen?", en: "When was the Membership Action Plan launched?" },
  }),
  event({
    id: "prague-summit-2002",
    kind: "summit",
    name: { de: "Gipfel von Prag 2002", en: "Prague Summit 2002" },
    date: "2002-11-21",
    endDate: "2002-11-22",
    precision: "day",
    place: { de: "Prag", en: "Prague" },
    description: { de: "Einladung an sieben Staaten.", en: "Invitations to seven states." },
    datePrompt: { de: "Wann fand der Gipfel von Prag statt?", en: "When did the Prague Summit take place?" },
    invited: ["BG", "EE", "LV", "LT", "RO", "SK", "SI"],
    launched: ["nato-response-force"],
  }),
  event({
    id: "nato-response-force",
    kind: "institution",
    name: { de: "NATO Response Force", en: "NATO Response Force" },
    date: "2002-11-21",
    precision: "month",
    description: { de: "Eine schnelle Eingreiftruppe.", en: "A rapid reaction force." },
    datePrompt: { de: "Wann wurde die NATO Response Force beschlossen?", en: "When was the NATO Response Force decided?" },
  }),
  event({
    id: "bucharest-summit-2008",
    kind: "summit",
    name: { de: "Gipfel von Bukarest 2008", en: "Bucharest Summit 2008" },
    date: "2008-04-02",
    endDate: "2008-04-04",
    precision: "day",
    place: { de: "Bukarest", en: "Bucharest" },
    description: { de: "Einladung an Albanien und Kroatien.", en: "Invitations to Albania and Croatia." },
    datePrompt: { de: "Wann fand der Gipfel von Bukarest statt?", en: "When did the Bucharest Summit take place?" },
    invited: ["AL", "HR"],
  }),
];

export const fixtureFactSet: FactSet = {
  id: "fixture",
  version: 1,
  title: { de: "Testbündnis", en: "Test alliance" },
  description: { de: "Testdaten.", en: "Test data." },
  organization: { name: { de: "NATO", en: "NATO" }, dative: { de: "der NATO", en: "NATO" } },
  asOf: "2024-12-31",
  sources: [
    { id: seedRef, title: "Fixture seed text", path: "data/fixture-seed.md" },
    { id: "fixture-reference", title: "Fixture reference", url: "https://example.org/fixture" },
  ],
  countries,
  accessions,
  events,
  groups: [warsawPactGroup],
};

/** A fact set too small for most question types, to check the generator degrades cleanly. */
export const tinyFactSet: FactSet = {
  ...fixtureFactSet,
  id: "tiny",
  countries: countries.filter((c) => ["BE", "GR", "PL"].includes(c.id)),
  accessions: accessions.filter((a) => ["BE", "GR", "PL"].includes(a.country)),
  events: [],
};
