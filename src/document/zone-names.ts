/** The names of zones people write: abbreviations, a region's clock, a zone's name in words (read by ./time.ts). */

/**
 * Zone abbreviations seen in postmortems, as fixed offsets in minutes. Abbreviations are ambiguous in general;
 * these are their common readings in English-language incident reports.
 */
export const ABBREVIATIONS: Record<string, number> = {
  UTC: 0, GMT: 0, Z: 0, WET: 0,
  BST: 60, CET: 60, WAT: 60, WEST: 60,
  CEST: 120, EET: 120, SAST: 120, CAT: 120,
  EEST: 180, EAT: 180, MSK: 180,
  GST: 240, PKT: 300, IST: 330, NPT: 345, ICT: 420, WIB: 420,
  SGT: 480, HKT: 480, PHT: 480, AWST: 480, JST: 540, KST: 540,
  AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
  ART: -180, BRT: -180, EDT: -240, AST: -240, EST: -300, CDT: -300, CST: -360, MDT: -360,
  MST: -420, PDT: -420, PST: -480, AKDT: -480, AKST: -540, HST: -600,
};

/** "PST/PDT" names a region's clock, daylight saving included. */
export const PAIRS: Record<string, string> = {
  'PST/PDT': 'America/Los_Angeles', 'PDT/PST': 'America/Los_Angeles', 'PT': 'America/Los_Angeles',
  'EST/EDT': 'America/New_York', 'EDT/EST': 'America/New_York', 'ET': 'America/New_York',
  'CST/CDT': 'America/Chicago', 'CDT/CST': 'America/Chicago', 'CT': 'America/Chicago',
  'MST/MDT': 'America/Denver', 'MDT/MST': 'America/Denver', 'MT': 'America/Denver',
};
// "Pacific Time", "Eastern Standard Time", "Central Daylight Time": the region's clock.
for (const [region, zone] of [['PACIFIC', 'America/Los_Angeles'], ['EASTERN', 'America/New_York'], ['CENTRAL', 'America/Chicago'], ['MOUNTAIN', 'America/Denver']] as const) {
  for (const kind of ['', 'STANDARD', 'DAYLIGHT']) PAIRS[`${region}${kind}TIME`] = zone;
}

/**
 * Zones people name in words after a time ("East Africa Time", "Central European Summer Time"), keyed in capitals
 * without blanks, as the abbreviation (or offset) they name.
 */
export const NAMED_ZONES: Record<string, string> = {};
for (const [names, zone] of [
  ['COORDINATED UNIVERSAL|UNIVERSAL', 'UTC'], ['GREENWICH MEAN', 'GMT'], ['BRITISH SUMMER', 'BST'],
  ['WESTERN EUROPEAN|WESTERN EUROPEAN STANDARD', 'WET'], ['WESTERN EUROPEAN SUMMER', 'WEST'],
  ['CENTRAL EUROPEAN|CENTRAL EUROPEAN STANDARD', 'CET'], ['CENTRAL EUROPEAN SUMMER', 'CEST'],
  ['EASTERN EUROPEAN|EASTERN EUROPEAN STANDARD', 'EET'], ['EASTERN EUROPEAN SUMMER', 'EEST'], ['MOSCOW|MOSCOW STANDARD', 'MSK'],
  ['WEST AFRICA|WEST AFRICAN|WEST AFRICA STANDARD|WEST AFRICAN STANDARD', 'WAT'], ['CENTRAL AFRICA|CENTRAL AFRICAN', 'CAT'], ['EAST AFRICA|EAST AFRICAN', 'EAT'],
  ['SOUTH AFRICA STANDARD|SOUTH AFRICAN STANDARD|SOUTH AFRICA|SOUTH AFRICAN', 'SAST'], ['GULF STANDARD', 'GST'], ['PAKISTAN STANDARD', 'PKT'],
  ['INDIA STANDARD|INDIAN STANDARD', 'IST'], ['NEPAL', 'NPT'], ['INDOCHINA', 'ICT'], ['CHINA STANDARD', 'UTC+8'],
  ['SINGAPORE|SINGAPORE STANDARD', 'SGT'], ['HONG KONG', 'HKT'], ['PHILIPPINE|PHILIPPINE STANDARD', 'PHT'],
  ['JAPAN STANDARD', 'JST'], ['KOREA STANDARD|KOREAN STANDARD', 'KST'], ['AUSTRALIAN EASTERN STANDARD', 'AEST'],
  ['AUSTRALIAN EASTERN DAYLIGHT', 'AEDT'], ['AUSTRALIAN WESTERN STANDARD', 'AWST'], ['NEW ZEALAND STANDARD', 'NZST'],
  ['NEW ZEALAND DAYLIGHT', 'NZDT'], ['BRASILIA', 'BRT'], ['ARGENTINA', 'ART'], ['ATLANTIC STANDARD', 'AST'],
  ['HAWAII STANDARD|HAWAII-ALEUTIAN STANDARD', 'HST'],
] as const) {
  for (const name of names.split('|')) NAMED_ZONES[`${name}TIME`.replace(/\s+/g, '')] = zone;
}
