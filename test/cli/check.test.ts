import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { praIn, root, type Run } from './cli-helpers.js';
import { praCodes } from '../../packages/language/src/pra-codes.js';



/** The real CLI, as a child process from the repository root. */
const pra = (...args: string[]): Run => praIn(root, ...args);

interface JsonFinding {
    code: string; severity: string; message: string; element?: string; line: number; column: number;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
}
interface JsonReport {
    version: number;
    summary: { errors: number; warnings: number; info: number; accepted: number };
    files: Array<{ file: string; diagnostics: JsonFinding[] }>;
}

function json(...args: string[]): { run: Run; report: JsonReport } {
    const run = pra('check', ...args, '--format', 'json');
    return { run, report: JSON.parse(run.stdout) as JsonReport };
}

/** Problems of input give exit 2 and one line on stderr, never a stack trace. */
function expectOneLineFailure(run: Run, mention: string): void {
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^pra: /);
    expect(lines[0]).toContain(mention);
    expect(run.stderr).not.toMatch(/^\s+at /m);
}

let scratch: string;

beforeAll(() => {
    if (!existsSync(path.join(root, 'packages/cli/out/main.js'))) {
        throw new Error('The CLI is not built: run `npm run build` first.');
    }
    scratch = mkdtempSync(path.join(tmpdir(), 'pra-cli-'));
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('pra check: exit codes', () => {
    it('0 for a plan without findings', () => {
        const folder = path.join(scratch, 'clean');
        mkdirSync(folder, { recursive: true });
        writeFileSync(path.join(folder, 'plan.pra'), 'role R { phone "1" }\n');
        const run = pra('check', folder);
        expect(run.status).toBe(0);
        expect(run.stdout.trim().split('\n')).toEqual([
            `${path.join(folder, 'plan.pra')}: no plan under ${folder} imports this file; checked on its own.`,
            '1 file checked: 0 errors, 0 warnings, 0 info.']);
        // The examples (their findings are pinned in test/examples.test.ts): no error in the
        // clean one, whatever the day.
        expect(pra('check', 'examples/cabinet-martin').status).toBe(0);
    });

    it('0 for a plan with warnings only, 1 for a plan with errors', () => {
        expect(pra('check', 'examples/clinique-vet/plan.pra').status).toBe(0);
        expect(pra('check', 'examples/atelier-bois/plan.pra').status).toBe(1);
    });

    it('2 for a missing file', () => {
        expectOneLineFailure(pra('check', 'examples/absent.pra'), 'examples/absent.pra');
    });

    it('2 for a file that is not UTF-8', () => {
        const file = path.join(scratch, 'latin1.pra');
        writeFileSync(file, Buffer.from('asset Caf\xe9 { }\n', 'latin1'));
        expectOneLineFailure(pra('check', file), 'not UTF-8');
    });

    it('2 for a folder without .pra file', () => {
        const folder = path.join(scratch, 'empty');
        mkdirSync(folder, { recursive: true });
        writeFileSync(path.join(folder, 'notes.txt'), 'nothing');
        expectOneLineFailure(pra('check', folder), 'no .pra file');
    });

    it('2 for an unknown option or format', () => {
        const unknown = pra('check', 'examples', '--bogus');
        expect(unknown.status).toBe(2);
        expect(unknown.stderr.split('\n')[0]).toBe('pra: unknown option --bogus (run pra --help for usage)');
        expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
        expect(unknown.stderr).not.toMatch(/^\s+at /m);
        const format = pra('check', 'examples', '--format', 'xml');
        expect(format.status).toBe(2);
        expect(format.stderr.split('\n')[0]).toBe('pra: --format must be one of text, json, sarif (run pra --help for usage)');
    });
});

describe('pra check: output', () => {
    it('prints file:line:col severity code message, without colour when not on a terminal', () => {
        const run = pra('check', 'examples/clinique-vet/plan.pra');
        expect(run.stdout).not.toContain('\x1b[');
        expect(run.stdout).toMatch(/^examples\/clinique-vet\/plan\.pra:70:6 warning no-deputy Practice-Manager \(pilot\) has no deputy/m);
    });

    it('--format json has the contract\'s shape', () => {
        const { run, report } = json('examples/clinique-vet/plan.pra');
        expect(run.status).toBe(0);
        expect(Object.keys(report)).toEqual(['version', 'summary', 'files']);
        expect(report.version).toBe(2);
        const all = report.files.flatMap(f => f.diagnostics);
        expect(report.summary).toEqual({
            errors: all.filter(d => d.severity === 'error').length, warnings: all.filter(d => d.severity === 'warning').length,
            info: all.filter(d => d.severity === 'info' || d.severity === 'hint').length, accepted: 0
        });
        expect(report.files.map(f => f.file)).toEqual(['examples/clinique-vet/plan.pra']);
        const [file] = report.files;
        expect(Object.keys(file).sort()).toEqual(['diagnostics', 'file']);
        for (const finding of file.diagnostics) {
            expect(praCodes).toContain(finding.code);
            expect(['error', 'warning', 'info', 'hint']).toContain(finding.severity);
            expect(finding.line).toBe(finding.range.start.line + 1);
            expect(finding.column).toBe(finding.range.start.character + 1);
            const keys = Object.keys(finding).filter(k => k !== 'related').sort();
            expect(keys).toEqual(
                (finding.element === undefined ? ['code', 'column', 'line', 'message', 'range', 'severity']
                    : ['code', 'column', 'element', 'line', 'message', 'range', 'severity']));
        }
        const rtoGap = file.diagnostics.find(d => d.code === 'rto-gap')!;
        expect(rtoGap).toEqual({
            code: 'rto-gap', severity: 'warning', element: 'Diagnostic-Imaging', line: 273, column: 17,
            message: 'Diagnostic-Imaging requires RTO 8 h, but nothing recovers it directly in a stated time (no active fallback covering it '
                + 'with an rto, no manual workaround with \'within\'); bringing back its assets takes 48 h: '
                + 'Imaging-Server 48 h (Imaging-Restore).',
            range: { start: { line: 272, character: 16 }, end: { line: 272, character: 18 } },
            related: [{ element: 'Imaging-Server', file: 'examples/clinique-vet/plan.pra', line: 159, column: 7 }]
        });
    });

    it('--format json lists the files a plan imports after the files given', () => {
        const { report } = json('examples/cabinet-martin/plan.pra');
        expect(report.files.map(f => f.file))
            .toEqual(['examples/cabinet-martin/plan.pra', path.join('examples', 'cabinet-martin', 'inventaire.pra')]);
    });

    it('--format sarif is SARIF 2.1.0 with one rule per code', () => {
        const run = pra('check', 'examples/atelier-bois', '--format', 'sarif');
        expect(run.status).toBe(1);
        const sarif = JSON.parse(run.stdout);
        expect(sarif.version).toBe('2.1.0');
        expect(sarif.runs).toHaveLength(1);
        const driver = sarif.runs[0].tool.driver;
        expect(driver.name).toBe('pra');
        expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(praCodes);
        for (const rule of driver.rules) expect(rule.shortDescription.text).not.toBe('');
        interface SarifResult {
            ruleId: string; ruleIndex: number; level: string; message: { text: unknown };
            locations: Array<{
                physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } };
            }>;
        }
        const results = sarif.runs[0].results as SarifResult[];
        expect(results.length).toBeGreaterThan(0);
        for (const result of results) {
            expect(praCodes).toContain(result.ruleId);
            expect(driver.rules[result.ruleIndex].id).toBe(result.ruleId);
            expect(['error', 'warning', 'note']).toContain(result.level);
            expect(typeof result.message.text).toBe('string');
            const location = result.locations[0].physicalLocation;
            expect(location.artifactLocation.uri).toBe('examples/atelier-bois/plan.pra');
            expect(location.region.startLine).toBeGreaterThan(0);
            expect(location.region.startColumn).toBeGreaterThan(0);
        }
        const mtpdError = results.find(r => r.ruleId === 'rto-exceeds-mtpd')!;
        expect(mtpdError.level).toBe('error');
        expect(mtpdError.locations[0].physicalLocation.region).toMatchObject({ startLine: 349, startColumn: 17 });
    });

    it('--lang fr changes the messages', () => {
        const { report } = json('examples/clinique-vet/plan.pra', '--lang', 'fr');
        const noDeputy = report.files[0].diagnostics.find(d => d.code === 'no-deputy')!;
        expect(noDeputy.message).toBe('Practice-Manager (pilotage) n\'a pas de suppléant (deputy) : '
            + 'personne ne prend le relais si Practice-Manager est indisponible.');
    });

    it('searches folders recursively, in sorted order, skipping hidden folders', () => {
        const folder = path.join(scratch, 'tree');
        for (const dir of ['b', 'a/y', '.git']) mkdirSync(path.join(folder, dir), { recursive: true });
        for (const file of ['c.pra', 'b/x.pra', 'a/z.pra', 'a/y/w.pra', '.git/hidden.pra']) {
            writeFileSync(path.join(folder, file), 'role R { }\n');
        }
        writeFileSync(path.join(folder, 'a/readme.md'), '# not a plan');
        const { run, report } = json(folder);
        expect(run.status).toBe(0);
        expect(report.files.map(f => path.relative(folder, f.file))).toEqual([
            path.join('a', 'y', 'w.pra'), path.join('a', 'z.pra'), path.join('b', 'x.pra'), 'c.pra']);
    });
});

// The examples' findings and `// gap:` annotations: test/examples.test.ts (with "today" pinned).
