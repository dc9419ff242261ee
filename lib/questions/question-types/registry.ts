import type { QuestionType } from "../types";
import { accessionDate } from "./accession-date";
import { accessionOrder } from "./accession-order";
import { accessionYear } from "./accession-year";
import { countryByYear } from "./country-by-year";
import { eventDate } from "./event-date";
import { eventLaunched } from "./event-launched";
import { eventOrder } from "./event-order";
import { eventPlace } from "./event-place";
import { eventYear } from "./event-year";
import { formerWarsawPactSelect } from "./former-warsaw-pact-select";
import { foundingMemberTrueFalse } from "./founding-member-true-false";
import { foundingMembersSelect } from "./founding-members-select";
import { groupMembersSelect } from "./group-members-select";
import { mapClickWave, mapNameHighlighted } from "./map-questions";
import { matchCountryYear } from "./match-country-year";
import { memberTodayTrueFalse } from "./member-today-true-false";
import { membersAfterRound } from "./members-after-round";
import type { QuestionModule } from "./module";
import { summitInvited } from "./summit-invited";
import { typedAccessionYear } from "./typed-accession-year";
import { typedCountry } from "./typed-country";
import { waveMembers } from "./wave-members";

/**
 * Every question type, as one module each: the one list the generator, the renderer and the
 * property tests go through. Adding a type: its file in this folder, its name in
 * `QuestionType`/`questionTypes`/`questionKindOf` (types.ts), and one line below.
 */
export const questionModules: Record<QuestionType, QuestionModule> = {
  "accession-year": accessionYear,
  "country-by-year": countryByYear,
  "founding-member-true-false": foundingMemberTrueFalse,
  "wave-members": waveMembers,
  "founding-members-select": foundingMembersSelect,
  "former-warsaw-pact-select": formerWarsawPactSelect,
  "accession-order": accessionOrder,
  "match-country-year": matchCountryYear,
  "typed-country": typedCountry,
  "accession-date": accessionDate,
  "event-year": eventYear,
  "event-date": eventDate,
  "event-launched": eventLaunched,
  "event-place": eventPlace,
  "typed-accession-year": typedAccessionYear,
  "event-order": eventOrder,
  "members-after-round": membersAfterRound,
  "summit-invited": summitInvited,
  "map-click-wave": mapClickWave,
  "map-name-highlighted": mapNameHighlighted,
  "group-members-select": groupMembersSelect,
  "member-today-true-false": memberTodayTrueFalse,
};

/** The module of a question type. */
export function questionModuleOf(type: QuestionType): QuestionModule {
  const module = questionModules[type];
  if (!module) throw new RangeError(`unknown question type "${String(type)}"`);
  return module;
}
