/**
 * Names of states that are not in a fact set but that a learner may type, so the typed-answer
 * matcher can tell "Irland" (Ireland) from a typo of "Island" (Iceland) and reject
 * "Österreich" or "Tschechoslowakei" instead of stretching them to the nearest member.
 *
 * Keys are ISO 3166-1 alpha-2 codes, or the withdrawn codes of former states (SU, YU, CS, DD).
 * A fact set that lists one of these countries itself takes precedence over this table.
 * Language knowledge, not topic data: it serves every fact set.
 */
export const otherCountryNames: Record<string, string[]> = {
  AD: ["Andorra"],
  AM: ["Armenien", "Armenia"],
  AT: ["Österreich", "Austria"],
  AU: ["Australien", "Australia"],
  AZ: ["Aserbaidschan", "Azerbaijan"],
  BA: ["Bosnien und Herzegowina", "Bosnien-Herzegowina", "Bosnien", "Bosnia and Herzegovina", "Bosnia"],
  BR: ["Brasilien", "Brazil"],
  BY: ["Belarus", "Weißrussland", "Belorussia", "Byelorussia"],
  CH: ["Schweiz", "Switzerland"],
  CN: ["China"],
  CY: ["Zypern", "Cyprus"],
  GE: ["Georgien", "Georgia"],
  IE: ["Irland", "Ireland", "Eire"],
  IL: ["Israel"],
  IN: ["Indien", "India"],
  JP: ["Japan"],
  KR: ["Südkorea", "South Korea", "Korea"],
  KZ: ["Kasachstan", "Kazakhstan"],
  LI: ["Liechtenstein"],
  MC: ["Monaco"],
  MD: ["Moldau", "Republik Moldau", "Moldawien", "Moldova"],
  MT: ["Malta"],
  MX: ["Mexiko", "Mexico"],
  NZ: ["Neuseeland", "New Zealand"],
  RS: ["Serbien", "Serbia"],
  RU: ["Russland", "Russische Föderation", "Russia", "Russian Federation"],
  SM: ["San Marino"],
  UA: ["Ukraine"],
  VA: ["Vatikan", "Vatikanstadt", "Vatican", "Vatican City", "Holy See"],
  XK: ["Kosovo"],
  // Former states a learner may confuse with today's members.
  CS: ["Tschechoslowakei", "Czechoslovakia"],
  DD: ["DDR", "Deutsche Demokratische Republik", "Ostdeutschland", "East Germany", "German Democratic Republic", "GDR"],
  SU: ["Sowjetunion", "UdSSR", "Soviet Union", "USSR"],
  YU: ["Jugoslawien", "Yugoslavia"],
};
