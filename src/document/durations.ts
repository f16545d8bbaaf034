/** Durations stated in prose: "30-minute outage", "2 hours", "1 hour and 15 minutes", "45 mins". */

/** A duration found in a text, in minutes, with where it stands. */
export interface StatedDuration {
  index: number;
  length: number;
  minutes: number;
  raw: string;
}

const DURATION_RE =
  /(?<![\w.])(\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve)[\s-]*(hours?|hrs?|h)\b(?:[\s,]*(?:and\s+)?(\d+)[\s-]*(?:minutes?|mins?|m)\b)?|(?<![\w.:])(\d+)[\s-]*(?:minutes?|mins?)\b/giu;

const WORD_NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12,
};

export function findDurations(text: string): StatedDuration[] {
  const out: StatedDuration[] = [];
  DURATION_RE.lastIndex = 0;
  for (let m = DURATION_RE.exec(text); m; m = DURATION_RE.exec(text)) {
    let minutes: number;
    if (m[1]) {
      const n = WORD_NUMBERS[m[1].toLowerCase()] ?? Number(m[1]);
      minutes = n * 60 + Number(m[3] ?? 0);
    } else {
      minutes = Number(m[4]);
    }
    if (!Number.isFinite(minutes) || minutes <= 0) continue;
    out.push({ index: m.index, length: m[0].length, minutes, raw: m[0] });
  }
  return out;
}
