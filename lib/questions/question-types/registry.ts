import type { ModuleQuestionType, QuestionType } from "../types";
import { eventOrder } from "./event-order";
import { mapClickWave, mapNameHighlighted } from "./map-questions";
import { membersAfterRound } from "./members-after-round";
import type { QuestionModule } from "./module";
import { eventPlace } from "./event-place";
import { eventLaunched } from "./event-launched";
import { eventDate } from "./event-date";
import { eventYear } from "./event-year";
import { accessionDate } from "./accession-date";
import { typedCountry } from "./typed-country";
import { matchCountryYear } from "./match-country-year";
import { accessionOrder } from "./accession-order";
import { foundingMembersSelect } from "./founding-members-select";
import { waveMembers } from "./wave-members";
import { foundingMemberTrueFalse } from "./founding-member-true-false";
import { countryByYear } from "./country-by-year";
import { accessionYear } from "./accession-year";
import { summitInvited } from "./summit-invited";
import { typedAccessionYear } from "./typed-accession-year";
import { groupMembersSelect } from "./group-members-select";
import { memberTodayTrueFalse } from "./member-today-true-false";

/** Every question type that is one module, by type. Adding a type: one file here and one line below. */
export const questionModules: Record<ModuleQuestionType, QuestionModule> = {
  "event-place": eventPlace,
  "event-launched": eventLaunched,
  "event-date": eventDate,
  "event-year": eventYear,
  "accession-date": accessionDate,
  "typed-country": typedCountry,
  "match-country-year": matchCountryYear,
  "accession-order": accessionOrder,
  "founding-members-select": foundingMembersSelect,
  "wave-members": waveMembers,
  "founding-member-true-false": foundingMemberTrueFalse,
  "country-by-year": countryByYear,
  "accession-year": accessionYear,
  "typed-accession-year": typedAccessionYear,
  "event-order": eventOrder,
  "members-after-round": membersAfterRound,
  "summit-invited": summitInvited,
  "map-click-wave": mapClickWave,
  "map-name-highlighted": mapNameHighlighted,
  "group-members-select": groupMembersSelect,
  "member-today-true-false": memberTodayTrueFalse,
};

export function isModuleType(type: QuestionType): type is ModuleQuestionType {
  return Object.hasOwn(questionModules, type);
}
