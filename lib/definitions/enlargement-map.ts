/** What the enlargement map page hands its client component: one row per member, in accession order. */
export interface MapMember {
  countryId: string;
  /** The accession fact id (what "practise" and mastery are keyed by). */
  factId: string;
  name: string;
  /** YYYY-MM-DD. */
  date: string;
  /** The date in words, in the page's locale. */
  dateLabel: string;
  /** Index into `rounds` (0 = founders). */
  round: number;
  explanation: string;
  source: string;
  /** The learner's mastery 0..1, or undefined if unseen (or no learner). */
  mastery?: number;
}

export interface MapRound {
  index: number;
  year: number;
  colour: string;
  /** "1949 · Gründung", "Erweiterung 2004 (5. Runde)" … */
  label: string;
  /** Short legend text. */
  legendLabel: string;
}
