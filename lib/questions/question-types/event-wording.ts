import type { HistoricalEvent } from "../../facts/schema";
import { type FactIndex, requireEvent } from "../fact-index";
import type { Templates } from "../templates";
import type { QuestionSpec } from "../types";
import { withNote } from "./accession-wording";
import { paramOf } from "./module";

/** The event a question is about (its `event` parameter). */
export function eventOfSpec(spec: QuestionSpec, index: FactIndex): HistoricalEvent {
  return requireEvent(index, paramOf(spec, "event"));
}

/** The event stated as a sentence: name, when, where, what it was, and its note. */
export function eventSentence(event: HistoricalEvent, t: Templates): string {
  return withNote(t.explain.event(event.name[t.locale], t.formatWhen(event), event.place?.[t.locale], event.description[t.locale]), event.note?.[t.locale]);
}
