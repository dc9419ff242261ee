/** The message key of a quiz mode's name; modes added later show as "other" until named. */
export function modeKey(mode: string): string {
  return ["self", "mistakes", "weak-spots", "assignment"].includes(mode) ? `modes.${mode}` : "modes.other";
}
