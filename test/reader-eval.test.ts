/**
 * The reader on our own labelled set (test/fixtures/reader/: postmortems we wrote in the shapes teams use, labelled
 * by hand), through the eval script on the built reader (npm test builds first). The figures must not fall below
 * what the reader reaches now. We tune on this set: it guards what the reader reads, it says nothing about how it
 * generalizes (the corpus's held-out half does, in `npm run eval`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

describe('the reader on the own set (npm run eval, row "own, ours")', () => {
  it('finds the sections, the timed entries at their line, the action items and the incident window it found when this was written', () => {
    expect(existsSync(join(ROOT, 'dist', 'document', 'parse.js')), 'run npm run build first').toBe(true);
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'eval.mjs'), '--own', '--json'], { encoding: 'utf8', cwd: ROOT });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const own = JSON.parse(run.stdout).own;
    expect(own.docs).toBeGreaterThanOrEqual(57);
    expect(own.failureText).toEqual([]);
    expect(own.invented).toBe(0);
    expect(own.precision).toBeGreaterThanOrEqual(0.996); // one extra: "Background" read as the summary
    expect(own.f1).toBeGreaterThanOrEqual(0.992);
    expect(own.timedAtLine).toBeGreaterThanOrEqual(384); // of 384 labelled
    expect(own.actionsFound).toBeGreaterThanOrEqual(163); // of 163
    // The window: found and correct (start and end the labelled instants, to the minute), none where none is stated.
    expect(own.windowStated).toBe(18);
    expect(own.windowCorrect).toBeGreaterThanOrEqual(18); // of 18
    expect(own.windowInvented).toBe(0);
    expect([own.importClean, own.imported - own.importLost]).toEqual([own.imported, own.imported]);
  });
});
