import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { codeOf } from '../../packages/language/src/pra-check-report.js';
import { createNodePraServices, loadPlanDocuments } from '../../packages/language/src/node.js';
import { buildFiles, createTestServices } from '../helpers.js';
import { expectOneLineFailure, requireBuilt, run } from './safety-helpers.js';

let folder: string;

beforeAll(async () => {
    requireBuilt();
    folder = await mkdtemp(path.join(tmpdir(), 'pra-input-safety-'));
    spawnSync('mkfifo', [path.join(folder, 'fifo.pra')]);
    await writeFile(path.join(folder, 'notes.txt'), 'not a plan');
    await mkdir(path.join(folder, 'sub.pra'));
    await writeFile(path.join(folder, 'big.pra'), Buffer.alloc(20 * 1024 * 1024, 'a'));
    await writeFile(path.join(folder, 'latin1.pra'), Buffer.from('asset Caf\xe9 {}\n', 'latin1'));
    await symlink('/dev/zero', path.join(folder, 'zero.pra'));
    await writeFile(path.join(folder, 'good.pra'), 'role Keeper { phone "1" }\n');
});

afterAll(async () => { await rm(folder, { recursive: true, force: true }); });

/** Each import line, and what its one diagnostic says. */
const imports: Array<[string, string, string]> = [
    ['"/dev/zero"', 'import-not-pra', 'does not end in .pra'],
    ['"zero.pra"', 'import-not-pra', 'is not a regular file'],
    ['"fifo.pra"', 'import-not-pra', 'is not a regular file'],
    ['"notes.txt"', 'import-not-pra', 'does not end in .pra'],
    ['"PLAN.PRA"', 'import-not-pra', 'does not end in .pra'],
    ['"sub.pra"', 'import-not-pra', 'is a folder'],
    ['"big.pra"', 'import-not-pra', 'is larger than 10 MB'],
    ['"latin1.pra"', 'import-not-pra', 'is not UTF-8 text'],
    ['"missing.pra"', 'import-not-found', 'Cannot find']
];

describe('imports of things that are not plans', () => {
    test.each(imports)('import %s: one %s diagnostic on its line, in bounded time and memory', async (target, code, words) => {
        const file = path.join(folder, `imports-${code}-${target.replace(/\W/g, '')}.pra`);
        await writeFile(file, `import "good.pra"\nimport ${target}\nplan "P" { date 2026-01-01 owner Keeper }\n`);
        const started = Date.now();
        const heapBefore = process.memoryUsage().rss;
        const { requested } = await loadPlanDocuments(createNodePraServices(), [file]);
        expect(Date.now() - started).toBeLessThan(5_000);
        expect(process.memoryUsage().rss - heapBefore).toBeLessThan(200 * 1024 * 1024);
        const onImport = (requested[0].diagnostics ?? []).filter(d => d.range.start.line === 1);
        expect(onImport.map(codeOf)).toEqual([code]);
        expect(onImport[0].message).toContain(words);
        expect((requested[0].diagnostics ?? []).map(codeOf)).not.toContain('linking-error');
    });

    test('pra check of the plan goes through, one line per import, and never reads them', () => {
        const file = path.join(folder, 'all.pra');
        const text = imports.map(([target]) => `import ${target}`).join('\n') + '\nplan "P" { date 2026-01-01 }\n';
        writeFileSync(file, text);
        const result = run(['check', file], { timeoutMs: 20_000 });
        expect(result.status).toBe(1);
        expect(result.stderr).toBe('');
        expect(result.stdout.split('\n').filter(l => / import-not-(pra|found) /.test(l))).toHaveLength(imports.length);
        expect(result.ms).toBeLessThan(15_000);
    });

    test('a FIFO or a device named on the command line is refused in one line, never read', () => {
        for (const file of [path.join(folder, 'fifo.pra'), path.join(folder, 'zero.pra')]) {
            expectOneLineFailure(run(['check', file], { timeoutMs: 20_000 }), `pra: ${file}: is not a regular file`);
        }
    });

    test('checking a folder with a FIFO, a link to a device and a huge file never blocks', () => {
        const result = run(['check', folder, '--format', 'json'], { timeoutMs: 30_000 });
        // The FIFO and the link to /dev/zero are skipped; the huge plan file is refused in one line.
        expect(result.status).toBe(2);
        expect(result.stderr).toBe(`pra: ${path.join(folder, 'big.pra')}: is larger than 10 MB; it was not read\n`);
        expect(result.ms).toBeLessThan(25_000);
    });
});

describe('the language server\'s view of the same imports (files it did not load)', () => {
    test('a folder, a FIFO and a huge file are named as such, not "cannot find"', async () => {
        const services = createNodePraServices();
        const uri = URI.file(path.join(folder, 'editor.pra'));
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(
            'import "sub.pra"\nimport "fifo.pra"\nimport "big.pra"\nplan "P" { date 2026-01-01 }\n', uri);
        services.shared.workspace.LangiumDocuments.addDocument(document);
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        const messages = (document.diagnostics ?? []).filter(d => codeOf(d) === 'import-not-pra').map(d => [d.range.start.line, d.message]);
        expect(messages).toEqual([
            [0, 'The imported path sub.pra is a folder, not a .pra file.'],
            [1, 'The imported path fifo.pra is not a regular file (a device, a pipe or a socket); it was not read.'],
            [2, 'The imported file big.pra is larger than 10 MB; it was not read.']
        ]);
    });
});

describe('an import without its path', () => {
    test('gives one clear message, not hundreds', async () => {
        const document = (await buildFiles(createTestServices('en'), {
            'plan.pra': 'import \nplan "P" { date 2026-01-01 owner Keeper }\nrole Keeper { phone "1" deputy Other }\nrole Other { phone "2" deputy Keeper }\n'
        }))['plan.pra'];
        const errors = (document.diagnostics ?? []).filter(d => d.severity === 1);
        expect(errors.map(codeOf)).toEqual(['parsing-error']);
        expect(errors[0].message).toBe('Expected a quoted text after \'import\' but found \'plan\'.');
    });
});

describe('names in decomposed Unicode', () => {
    test('a name typed with e + U+0301 is the same name as with é', async () => {
        const document = (await buildFiles(createTestServices('en'), {
            'plan.pra': 'plan "P" { date 2026-01-01 owner Pe\u0301pin }\nrole P\u00e9pin { phone "1" }\n'
        }))['plan.pra'];
        const syntaxCodes = (document.diagnostics ?? []).map(codeOf)
            .filter(c => ['lexing-error', 'linking-error', 'parsing-error'].includes(c));
        expect(syntaxCodes).toEqual([]);
    });
});
