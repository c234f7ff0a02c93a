/**
 * SARIF for code scanning (issue 14, LANGUAGE.md "Command line (v2)"): every document `pra check
 * --format sarif` prints is valid against the SARIF 2.1.0 JSON schema shipped in test/schemas (from
 * the npm package @microsoft/jest-sarif, MIT), even when a file cannot be read; fingerprints are
 * stable across runs and distinct per element; URIs are relative to %SRCROOT%; accepted findings
 * carry suppressions.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { praIn, root, type Run } from './cli-helpers.js';



const pra = praIn;

/* eslint-disable @typescript-eslint/no-explicit-any */
type Sarif = Record<string, any>;

// ajv-draft-04 and ajv-formats are CommonJS: their default export may sit one level down.
const Ajv = ((AjvDraft04 as any).default ?? AjvDraft04) as typeof AjvDraft04.default;
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as typeof addFormatsModule.default;
const schema = JSON.parse(readFileSync(path.join(root, 'test/schemas/sarif-schema-2.1.0.json'), 'utf8'));
// The schema's language pattern is not a valid /u regular expression: ajv compiles it without the flag.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function expectValid(sarif: Sarif): void {
    const valid = validate(sarif);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 5), null, 1)).toEqual([]);
    expect(valid).toBe(true);
}

function sarifOf(run: Run): Sarif {
    expect(run.stdout, `no SARIF on stdout; stderr: ${run.stderr}`).not.toBe('');
    return JSON.parse(run.stdout) as Sarif;
}

let scratch: string;

/** Three rto-gap findings written on one line (three activities), one of them accepted. */
const threeGapsOnOneLine = `plan "P" { date 2026-11-01 review 2027-06-01 owner DG }
role DG { phone "1" deputy DSI }
role DSI { phone "2" deputy DG }
crisis { alert "Call" to DSI activation DG pilot DSI team DG, DSI }
fallback Com { type communication audience staff, clients }
activity A { criticality medium rto 4h owner DG uses App } \
activity B { criticality medium rto 4h owner DG uses App } \
activity C { criticality medium rto 4h owner DG uses App accept rto-gap "Tenu à la main" by DG }
asset App { kind application }
fallback AppRestore { covers App rto 1d }
`;

beforeAll(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'pra-sarif-'));
    writeFileSync(path.join(scratch, 'gaps.pra'), threeGapsOnOneLine);
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('SARIF 2.1.0 schema', () => {
    it.each(['examples/atelier-bois', 'examples/cabinet-martin/plan.pra', 'examples/clinique-vet', '--lang fr examples/atelier-bois'])(
        'pra check %s --format sarif is valid against the schema', given => {
            const sarif = sarifOf(pra(root, 'check', ...given.split(' '), '--format', 'sarif', '--today', '2026-12-01'));
            expect(sarif.runs[0].results.length).toBeGreaterThan(0);
            expectValid(sarif);
            expect(sarif.runs[0].invocations).toEqual([{ executionSuccessful: true }]);
        });

    it('the validator does reject what the schema forbids (a level that SARIF does not have)', () => {
        const sarif = sarifOf(pra(root, 'check', 'examples/clinique-vet', '--format', 'sarif'));
        sarif.runs[0].results[0].level = 'warn';
        expect(validate(sarif)).toBe(false);
    });

    it('a file that cannot be read still gives a valid document: a failed invocation naming the file, exit 2', () => {
        const run = pra(root, 'check', 'examples/atelier-bois/plan.pra', 'examples/no-such-plan.pra', '--format', 'sarif');
        expect(run.status).toBe(2);
        expect(run.stderr.trim().split('\n')).toEqual(['pra: examples/no-such-plan.pra: no such file or folder']);
        const sarif = sarifOf(run);
        expectValid(sarif);
        const [invocation] = sarif.runs[0].invocations;
        expect(invocation.executionSuccessful).toBe(false);
        const [notification] = invocation.toolExecutionNotifications;
        expect(notification.level).toBe('error');
        expect(notification.message.text).toContain('examples/no-such-plan.pra');
        expect(notification.locations[0].physicalLocation.artifactLocation)
            .toEqual({ uri: 'examples/no-such-plan.pra', uriBaseId: '%SRCROOT%' });
        expect(sarif.runs[0].results).toEqual([]);
    });

    it('a file that is not UTF-8 gives the same failed invocation', () => {
        const bad = path.join(scratch, 'latin1.pra');
        writeFileSync(bad, Buffer.from([0x72, 0x6f, 0x6c, 0x65, 0x20, 0xe9, 0x0a]));
        const run = pra(scratch, 'check', 'latin1.pra', '--format', 'sarif');
        expect(run.status).toBe(2);
        const sarif = sarifOf(run);
        expectValid(sarif);
        expect(sarif.runs[0].invocations[0].executionSuccessful).toBe(false);
        expect(sarif.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toMatch(/^latin1\.pra: .*UTF-8/);
    });
});

describe('SARIF for code scanning', () => {
    it('URIs are relative to %SRCROOT% (the working directory) even when the path given is absolute', () => {
        const sarif = sarifOf(pra(scratch, 'check', path.join(scratch, 'gaps.pra'), '--format', 'sarif', '--today', '2026-12-01'));
        expectValid(sarif);
        const run = sarif.runs[0];
        expect(run.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/$/);
        expect(fileURLToPath(run.originalUriBaseIds['%SRCROOT%'].uri)).toBe(`${scratch}/`);
        for (const result of run.results) {
            expect(result.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'gaps.pra', uriBaseId: '%SRCROOT%' });
        }
    });

    it('fingerprints: the same across two runs, different for three rto-gaps on one line', () => {
        const first = sarifOf(pra(scratch, 'check', 'gaps.pra', '--format', 'sarif', '--today', '2026-12-01')).runs[0].results;
        const second = sarifOf(pra(scratch, 'check', 'gaps.pra', '--format', 'sarif', '--today', '2026-12-01')).runs[0].results;
        const gaps = first.filter((r: Sarif) => r.ruleId === 'rto-gap');
        expect(gaps).toHaveLength(3);
        expect(new Set(gaps.map((r: Sarif) => r.locations[0].physicalLocation.region.startLine))).toEqual(new Set([6]));
        const prints = first.map((r: Sarif) => r.partialFingerprints['praFinding/v1']);
        expect(new Set(prints).size).toBe(prints.length);
        expect(second.map((r: Sarif) => r.partialFingerprints['praFinding/v1'])).toEqual(prints);
        for (const print of prints) expect(print).toMatch(/^[0-9a-f]{16}$/);
    });

    it('a fingerprint does not move when lines are inserted above the finding', () => {
        const before = sarifOf(pra(scratch, 'check', 'gaps.pra', '--format', 'sarif', '--today', '2026-12-01')).runs[0].results;
        const shifted = path.join(scratch, 'shifted');
        mkdirSync(shifted, { recursive: true });
        writeFileSync(path.join(shifted, 'gaps.pra'), `// a comment\n// another\n${threeGapsOnOneLine}`);
        const after = sarifOf(pra(shifted, 'check', 'gaps.pra', '--format', 'sarif', '--today', '2026-12-01')).runs[0].results;
        const printOf = (results: Sarif[], element: string) => results
            .find(r => r.ruleId === 'rto-gap' && r.locations[0].logicalLocations[0].name === element)!.partialFingerprints['praFinding/v1'];
        for (const element of ['A', 'B', 'C']) expect(printOf(after, element)).toBe(printOf(before, element));
        expect(after[0].locations[0].physicalLocation.region.startLine).toBe(before[0].locations[0].physicalLocation.region.startLine + 2);
    });

    it('an accepted finding has an inSource suppression; open ones have none; each rule has a helpUri anchor', () => {
        const sarif = sarifOf(pra(scratch, 'check', 'gaps.pra', '--format', 'sarif', '--today', '2026-12-01'));
        const gaps = sarif.runs[0].results.filter((r: Sarif) => r.ruleId === 'rto-gap');
        const byElement = new Map(gaps.map((r: Sarif) => [r.locations[0].logicalLocations[0].name, r]));
        expect((byElement.get('C') as Sarif).suppressions).toEqual([{ kind: 'inSource', justification: 'Tenu à la main (DG)' }]);
        expect((byElement.get('A') as Sarif).suppressions).toBeUndefined();
        for (const rule of sarif.runs[0].tool.driver.rules) expect(rule.helpUri).toMatch(new RegExp(`README\\.md#${rule.id}$`));
    });
});
