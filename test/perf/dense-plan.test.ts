import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error the bench generator is plain JavaScript
import { writePlan } from '../../bench/generate-plan.mjs';

/**
 * Issue 10: a plan of 20,000 activities whose assets each depend on two random earlier assets
 * (closures spanning most of the inventory) is checked in bounded memory. The heap is capped: a
 * per-activity copy of the closures (2.3 GB in version 1) would abort the run. Times are reported,
 * not asserted (the bench measures them).
 */
const folder = mkdtempSync(path.join(tmpdir(), 'pra-dense-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const HEAP_MB = 768;

describe('a dense 20,000-activity plan', () => {
    it(`is checked with a heap of ${HEAP_MB} MB`, () => {
        const { file } = writePlan(20_000, folder, true) as { file: string };
        const run = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, path.join(__dirname, 'check-with-rss.mjs'),
            'check', file, '--today', '2026-12-01'], { encoding: 'utf8', timeout: 240_000 });
        const figures = /maxRSS (\d+) KB, (\d+) ms/.exec(run.stderr);
        const measured = figures ? `peak RSS ${Math.round(Number(figures[1]) / 1024)} MB, ${figures[2]} ms` : run.stderr.slice(-500);
        console.log(`dense 20,000 activities: ${measured}`);
        expect(run.signal, run.stderr.slice(-500)).toBeNull();
        expect(run.status).toBe(0);
        expect(figures).not.toBeNull();
    }, 300_000);
});
