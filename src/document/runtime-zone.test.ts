/**
 * Zones read through TZ (./runtime-zone.ts) against luxon's IANAZone, which reads them through Intl.DateTimeFormat:
 * both read ICU's zone rules, so they must agree on every zone ICU lists, at any instant.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { ianaZone, isValidZoneName, readWithTz, zoneFor } from './runtime-zone.js';

const LISTED = Intl.supportedValuesOf('timeZone');
const FROM = Date.UTC(1900, 0, 1);
const TO = Date.UTC(2040, 0, 1);
const ZONES = [...LISTED, 'UTC', 'Etc/UTC', 'GMT', 'Etc/GMT'];

describe('offsets read through TZ', () => {
  it('are luxon\'s IANAZone offsets on every zone ICU lists, around each month of 2024', () => {
    const instants = Array.from({ length: 24 }, (_, i) => Date.UTC(2024, i >> 1, i % 2 === 0 ? 1 : 15, 7, 30));
    const mismatches: string[] = [];
    for (const name of ZONES) {
      const iana = IANAZone.create(name);
      for (const ts of instants) {
        const ours = readWithTz(name, ts);
        const theirs = iana.offset(ts);
        if (ours !== theirs) mismatches.push(`${name} at ${new Date(ts).toISOString()}: ${ours} against ${theirs}`);
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(LISTED.length).toBeGreaterThan(300);
  });

  it('are luxon\'s IANAZone offsets at any instant from 1900 to 2040, local mean times to the second included', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM, max: TO }), (name, ts) => readWithTz(name, ts) === IANAZone.create(name).offset(ts)),
      { numRuns: 8000 },
    );
  });

  it('leave TZ as it was, set or not', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Tokyo';
      expect(readWithTz('America/New_York', Date.UTC(2024, 6, 1))).toBe(-240);
      expect(process.env.TZ).toBe('Asia/Tokyo');
      expect(new Date(0).getTimezoneOffset()).toBe(-540);
      delete process.env.TZ;
      expect(readWithTz('Europe/Paris', Date.UTC(2024, 0, 1))).toBe(60);
      expect('TZ' in process.env).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('give the same DateTimes as luxon given the name, across a DST change and past the read budget', () => {
    const zone = ianaZone('America/New_York');
    expect(zone.type).toBe('iana');
    expect(zone.name).toBe('America/New_York');
    // 2024-03-10 02:30 does not exist in New York, 2024-11-03 01:30 happens twice: luxon's choice either way.
    const walls = ['2024-03-10T01:59', '2024-03-10T02:30', '2024-03-10T03:00', '2024-11-03T01:30', '2024-11-03T02:00', '2023-03-01T09:12:45'];
    for (const wall of walls) {
      const ours = DateTime.fromISO(wall, { zone });
      const theirs = DateTime.fromISO(wall, { zone: IANAZone.create('America/New_York') });
      expect(ours.toISO()).toBe(theirs.toISO());
      expect(ours.toFormat('ZZ Z ZZZ')).toBe(theirs.toFormat('ZZ Z ZZZ'));
      expect(ours.offsetNameShort).toBe(theirs.offsetNameShort);
      expect(ours.setZone('UTC').setZone(zone).equals(ours)).toBe(true);
    }
    // More reads than the budget: the zone hands over to IANAZone and its offsets stay the same.
    const hourly = Array.from({ length: 600 }, (_, i) => Date.UTC(2025, 0, 1) + i * 3_600_000 * 13);
    for (const ts of hourly) expect(zone.offset(ts)).toBe(IANAZone.create('America/New_York').offset(ts));
  });

  it('are valid for the names luxon takes, and only those', () => {
    const names = ['America/New_York', 'Asia/Kolkata', 'Asia/Calcutta', 'Europe/Kyiv', 'US/Eastern', 'UTC', 'Etc/UTC', 'GMT', 'Etc/GMT+5', 'america/new_york', 'America/NewYork', 'Mars/Olympus', 'EST5EDT,M3.2.0,M11.1.0', 'CST6', ''];
    for (const name of names) expect([name, isValidZoneName(name)]).toEqual([name, IANAZone.isValidZone(name)]);
    for (const name of ['Asia/Kolkata', 'america/new_york']) {
      const ts = Date.UTC(2024, 6, 1);
      const zone = zoneFor(name);
      expect(DateTime.fromMillis(ts, { zone }).offset).toBe(IANAZone.create(name).offset(ts));
    }
  });
});

describe('in a worker thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pm-zone-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the same offsets, and leaves the process TZ alone (setting TZ there does not move Date)', async () => {
    const outfile = join(dir, 'zone.mjs');
    await build({ entryPoints: [new URL('./runtime-zone.ts', import.meta.url).pathname], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'silent' });
    const code = `
      const { parentPort } = require('node:worker_threads');
      import(${JSON.stringify(pathToFileURL(outfile).href)}).then((m) => {
        const zone = m.ianaZone('Australia/Lord_Howe');
        const at = [Date.UTC(2024, 0, 1), Date.UTC(2024, 6, 1), Date.UTC(2024, 3, 6, 15, 30)];
        parentPort.postMessage({ offsets: at.map((ts) => zone.offset(ts)), tz: process.env.TZ ?? null });
      });`;
    const worker = new Worker(code, { eval: true });
    const got = await new Promise<{ offsets: number[]; tz: string | null }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    const lordHowe = IANAZone.create('Australia/Lord_Howe');
    expect(got.offsets).toEqual([Date.UTC(2024, 0, 1), Date.UTC(2024, 6, 1), Date.UTC(2024, 3, 6, 15, 30)].map((ts) => lordHowe.offset(ts)));
    expect(got.offsets[0]).toBe(660);
    expect(got.offsets[1]).toBe(630);
    expect(got.tz).toBe(process.env.TZ ?? null);
  });
});
