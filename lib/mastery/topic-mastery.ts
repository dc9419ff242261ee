import { allFactIds, waves } from "../facts/fact-queries";
import type { FactSet } from "../facts/schema";
import { type FactMastery, type GroupMastery, type MasteryOptions, defaultMasteryOptions, groupMastery } from "./mastery";

/**
 * A topic is a fact set. Its mastery is broken down the way its facts are learnt: by
 * enlargement wave (the accessions of one calendar year, founders first) and the events.
 */

export interface WaveMastery extends GroupMastery {
  year: number;
  /** Accession fact ids of the wave, in date order. */
  factIds: string[];
}

export interface TopicMastery extends GroupMastery {
  factSetId: string;
  waves: WaveMastery[];
  /** Every event of the fact set as one group (summits, treaties, programmes …). */
  events: GroupMastery;
}

/**
 * The mastery of a fact set from the mastery of its facts (which must be keyed by this fact
 * set's fact ids). Every mean counts unseen facts at the prior, so a wave the learner has
 * never practised shows 0 rather than being left out.
 */
export function topicMastery(factSet: FactSet, mastery: ReadonlyMap<string, FactMastery>, options: MasteryOptions = defaultMasteryOptions): TopicMastery {
  return {
    factSetId: factSet.id,
    ...groupMastery(allFactIds(factSet), mastery, options),
    waves: waves(factSet).map((wave) => {
      const factIds = wave.accessions.map((accession) => accession.id);
      return { year: wave.year, factIds, ...groupMastery(factIds, mastery, options) };
    }),
    events: groupMastery(
      factSet.events.map((event) => event.id),
      mastery,
      options,
    ),
  };
}
