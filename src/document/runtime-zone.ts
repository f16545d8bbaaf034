/**
 * IANA time zones whose offsets are read from the runtime's own zone rules through `Date`, so that a command that
 * needs a few offsets does not pay for an `Intl.DateTimeFormat`.
 *
 * Luxon reads an IANA zone's offset by formatting the instant with `Intl.DateTimeFormat` (`IANAZone`). The first
 * DateTimeFormat a process makes costs ICU's set-up, ~16 ms, and its first `formatToParts` ~8 ms more: a seventh of
 * a one-file `postmortem lint` whose document names a zone. `Date` reads the same ICU zone rules for the zone in the
 * TZ variable, which Node lets a program change (it re-reads it at once). So an offset is read by setting TZ to the
 * zone, reading `Date`'s offset and setting TZ back, ~40 µs. Past a budget of such reads a zone hands over to luxon's
 * `IANAZone`: a long run pays ICU's set-up once and then reads offsets faster.
 *
 * Where setting TZ does not move `Date` (a worker thread's environment is its own copy; a runtime without ICU's zone
 * data), a check at first use sees it and every zone is luxon's. Only names ICU lists as its zones are read this way
 * (`Intl.supportedValuesOf`, ~3 ms once); any other name (an alias such as `Asia/Kolkata`, a typo) is luxon's too.
 * Both ways read ICU's rules: `runtime-zone.test.ts` holds them equal on every listed zone.
 */
import { FixedOffsetZone, IANAZone, Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from 'luxon';

/** Names of UTC that are always valid and always at offset 0. */
const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT']);

/** Reads through TZ left before a zone hands over to luxon's IANAZone (~40 µs each, ~10 ms in all). */
const READ_BUDGET = 256;
let reads = 0;
let switching: boolean | undefined;
let listed: ReadonlySet<string> | undefined;

/** The offset (minutes east of UTC) of zone `name` at `ts`, read through TZ; exported for the tests that hold it equal to luxon's. */
export function readWithTz(name: string, ts: number): number {
  const saved = process.env.TZ;
  process.env.TZ = name;
  try {
    // The wall clock's fields, to the second (getTimezoneOffset rounds an old local mean time's seconds away), read
    // as UTC: how far the clock is ahead, as luxon's IANAZone reckons it from the formatted parts.
    const at = new Date(ts);
    const wall = new Date(0);
    wall.setUTCFullYear(at.getFullYear(), at.getMonth(), at.getDate());
    wall.setUTCHours(at.getHours(), at.getMinutes(), at.getSeconds(), 0);
    return (wall.getTime() - (ts - (((ts % 1000) + 1000) % 1000))) / 60_000;
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

/** Whether setting TZ moves `Date` here: no host's own zone is both UTC+14 and UTC-12. */
function tzSwitches(): boolean {
  switching ??= readWithTz('Etc/GMT-14', 0) === 840 && readWithTz('Etc/GMT+12', 0) === -720;
  return switching;
}

function isListed(name: string): boolean {
  listed ??= new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);
  return listed.has(name);
}

/** Whether `name` is a time zone the runtime knows (what luxon's `IANAZone.isValidZone` answers). */
export function isValidZoneName(name: string): boolean {
  if (!name) return false;
  if (UTC_NAMES.has(name) || isListed(name)) return true;
  return IANAZone.isValidZone(name);
}

/** A listed IANA zone read through TZ (see the top of this file); luxon's IANAZone once the budget is spent. */
class RuntimeZone extends Zone {
  private luxon: IANAZone | undefined;
  private readonly offsets = new Map<number, number>();

  /** A name of UTC ("Etc/UTC"): offset 0 at every instant, nothing to read. */
  private readonly utc: boolean;

  constructor(private readonly zoneName: string) {
    super();
    this.utc = UTC_NAMES.has(zoneName);
  }

  override get type(): string {
    return 'iana';
  }

  override get name(): string {
    return this.zoneName;
  }

  override get isUniversal(): boolean {
    return false;
  }

  override get isValid(): boolean {
    return true;
  }

  override offsetName(ts: number, options: ZoneOffsetOptions): string | null {
    return this.iana().offsetName(ts, options);
  }

  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    // (luxon's fixed zone formats an offset: "+05:30", "+5:30", "+0530")
    return FixedOffsetZone.instance(this.offset(ts)).formatOffset(ts, format);
  }

  override offset(ts: number): number {
    if (!Number.isFinite(ts)) return NaN;
    if (this.utc) return 0;
    if (this.luxon) return this.luxon.offset(ts);
    // To the second, as luxon's IANAZone reads it.
    const second = ts - (((ts % 1000) + 1000) % 1000);
    let offset = this.offsets.get(second);
    if (offset === undefined) {
      if (reads >= READ_BUDGET || !tzSwitches()) return this.iana().offset(ts);
      reads++;
      offset = readWithTz(this.zoneName, second);
      if (this.offsets.size < 1024) this.offsets.set(second, offset);
    }
    return offset;
  }

  override equals(other: Zone): boolean {
    return other.type === 'iana' && other.name === this.zoneName;
  }

  private iana(): IANAZone {
    this.luxon ??= IANAZone.create(this.zoneName);
    return this.luxon;
  }
}

const zones = new Map<string, Zone>();

/**
 * The luxon zone for an IANA name: read through TZ when ICU lists it, else luxon's own IANAZone (invalid for a name
 * no zone has; check with `isValidZoneName` first when that matters).
 */
export function ianaZone(name: string): Zone {
  let zone = zones.get(name);
  if (!zone) {
    zone = UTC_NAMES.has(name) || isListed(name) ? new RuntimeZone(name) : IANAZone.create(name);
    if (zones.size < 1000) zones.set(name, zone);
  }
  return zone;
}

/**
 * A zone to give luxon for a name as written, in place of the name: the same zone luxon would make of it, a listed
 * IANA zone read through TZ. "UTC" and "GMT" stay names (luxon makes its fixed UTC zone of them, whose ISO times end
 * in "Z"), as does any name ICU does not list.
 */
export function zoneFor(name: string): Zone | string {
  const lower = name.toLowerCase();
  if (lower === 'utc' || lower === 'gmt') return name;
  return UTC_NAMES.has(name) || isListed(name) ? ianaZone(name) : name;
}
