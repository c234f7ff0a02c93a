import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 16: the bench (`npm run bench`) is not part of `npm test`; this smoke run is. It runs the
 * whole bench once on tiny plans (10, 20 and 40 activities, one run of each figure after its
 * warm-up) and checks that the table has every row with a figure: a row that silently vanished or
 * printed `n/a` would make the next real run useless. The figures themselves are not judged here.
 */
const repo = path.resolve(__dirname, '../..');

/** Every row of the table, by the start of its figure column (the sizes are the smoke run's). */
const expectedRows = [
    'full build, 10 activities', 'full build, 20 activities', 'full build, 40 activities',
    'full build, 20, dense dependencies', 'full build, 40, dense dependencies',
    'bare Langium grammar, same text, 20', 'bare Langium grammar, same text, 40', 'full build / bare Langium build, 20',
    'JSON.parse of the same data, 10', 'JSON.parse of the same data, 20', 'JSON.parse of the same data, 40',
    'build / JSON.parse, 20', 'bare Langium build / JSON.parse, 20',
    'growth time(40) / time(20), build', 'growth time(40) / time(20), build, dense',
    'peak RSS, build of 40 (own process)', 'peak RSS, build of 40, dense (own process)', 'peak RSS, bare Langium build of 40',
    'edit → diagnostics, 20 (stdio)', 'completion after `owner `, 20', 'hover, 20', 'server start → first diagnostics, small plan',
    'preview view model (pra/previewModel), 10', 'export docx (Word), 10', 'export html, 10', 'export md, 10', 'export json, 10',
    'simulate the most shared asset down, 20', 'node -e 0, whole process: wall time',
    'pra check, small example, whole process: wall time', 'pra check, small example / node -e 0',
    'pra check, 20, whole process: wall time', 'pra check, 20, whole process: peak RSS',
    'pra check, 40, whole process: wall time', 'pra check, 40, whole process: peak RSS',
    'pra check growth time(40) / time(20), whole process',
    'pra check, 20, dense, whole process: wall time', 'pra check, 40, dense, whole process: peak RSS',
    'pra check growth time(40) / time(20), dense, whole process'
];

describe('npm run bench, smoke run on tiny plans', () => {
    it('prints every row of the table with a figure', () => {
        const run = spawnSync(process.execPath, ['bench/run.mjs', '--smoke', '--runs', '1', '--sizes', '10,20,40'],
            { cwd: repo, encoding: 'utf8', timeout: 280_000 });
        expect(run.status, run.stderr.slice(-800)).toBe(0);
        const lines = run.stdout.split('\n');
        expect(lines[0]).toMatch(/^PRA benchmark — .* load average at start [\d.]+ [\d.]+ [\d.]+/);
        const rows = lines.filter(line => line.startsWith('| ') && !line.startsWith('| figure') && !line.startsWith('| ---'))
            .map(line => line.split('|').slice(1, -1).map(cell => cell.trim()));
        for (const row of rows) expect(row, `row ${row[0]}`).toHaveLength(6);
        for (const expected of expectedRows) {
            const row = rows.find(r => r[0].startsWith(expected));
            expect(row, `no row "${expected}" in\n${run.stdout}`).toBeDefined();
            // A figure: a number with its unit (ms, s, MB, ×) or a plain ratio, never "n/a".
            expect(row![1], `row "${row![0]}"`).toMatch(/^\d+(\.\d+)?( ms| s| MB|×)?$/);
            if (row![4] !== '') expect(row![5], `row "${row![0]}" has a target and a verdict`).toMatch(/^(PASS|MISS)$/);
        }
        // The incremental figures come from bench/incremental.mjs when it exists, else one row says it is not there.
        if (!existsSync(path.join(repo, 'bench/incremental.mjs'))) {
            expect(rows.find(r => r[0].startsWith('incremental rebuild figures'))?.[1]).toMatch(/^n\/a/);
        } else {
            for (const expected of ['edit → diagnostics, 200 in one file', 'edit → diagnostics, 200 in 50 department files']) {
                const row = rows.find(r => r[0].startsWith(expected));
                expect(row, `no row "${expected}" in\n${run.stdout}`).toBeDefined();
                expect(row![1], `row "${row![0]}"`).toMatch(/^\d+(\.\d+)?( ms| s)$/);
            }
        }
    }, 300_000);
});
