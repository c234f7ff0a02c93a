/**
 * LANGUAGE.md, Version 2, "Command line (v2)" and "Accepted findings in output": JSON version 2,
 * summary, `accepted` and `related`; `--fail-on`; `--today`; `--show-accepted`; SARIF suppressions.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { praIn, root, type Run } from './cli-helpers.js';



/** The real CLI, as a child process from the repository root. */
const pra = (...args: string[]): Run => praIn(root, ...args);

interface JsonFinding {
    code: string; severity: string; message: string; element?: string; line: number; column: number;
    accepted?: { by: string; until?: string; reason: string };
    related?: Array<{ element: string; file: string; line: number; column: number }>;
}
interface JsonReportV2 {
    version: number;
    summary: { errors: number; warnings: number; info: number; accepted: number };
    files: Array<{ file: string; diagnostics: JsonFinding[] }>;
}

/**
 * A plan whose only finding is one rto-gap on Paie (App recovers in 24 h, Paie requires 4 h),
 * with a complete crisis organisation; `accept` is written inside Paie.
 */
const planText = (accept: string): string => `plan "P" { date 2026-11-01 review 2027-06-01 owner DG }
role DG { phone "1" deputy DSI }
role DSI { phone "2" deputy DG }
crisis { alert "Call" to DSI activation DG pilot DSI team DG, DSI }
fallback Com { type communication audience staff, clients }
activity Paie { criticality medium rto 4h owner DG uses App ${accept} }
asset App { kind application }
fallback AppRestore { covers App rto 1d }
`;

let scratch: string;
let openPlan: string;
let acceptedPlan: string;

beforeAll(() => {
    if (!existsSync(path.join(root, 'packages/cli/out/main.js'))) {
        throw new Error('The CLI is not built: run `npm run build` first.');
    }
    scratch = mkdtempSync(path.join(tmpdir(), 'pra-cli-v2-'));
    openPlan = path.join(scratch, 'open.pra');
    acceptedPlan = path.join(scratch, 'accepted.pra');
    writeFileSync(openPlan, planText(''));
    writeFileSync(acceptedPlan, planText('accept rto-gap "Mode dégradé tenu par le service" by DG until 2027-06-30'));
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function json(...args: string[]): { run: Run; report: JsonReportV2 } {
    const run = pra('check', ...args, '--format', 'json');
    expect(run.stdout, `no JSON on stdout; stderr: ${run.stderr}`).not.toBe('');
    return { run, report: JSON.parse(run.stdout) as JsonReportV2 };
}

describe('pra check --format json (v2)', () => {
    it('has "version": 2, a summary, and `related` on rto-gap naming the slow asset', () => {
        const { run, report } = json(openPlan, '--today', '2026-12-01');
        expect(run.status).toBe(0);
        expect(report.version).toBe(2);
        expect(report.summary).toEqual({ errors: 0, warnings: 1, info: 0, accepted: 0 });
        const findings = report.files.flatMap(f => f.diagnostics);
        expect(findings.map(f => f.code)).toEqual(['rto-gap']);
        const [gap] = findings;
        expect(gap.element).toBe('Paie');
        expect(gap.accepted).toBeUndefined();
        expect(gap.related).toHaveLength(1);
        const [app] = gap.related!;
        expect(app.element).toBe('App');
        expect(app.line).toBe(7);
        expect(app.column).toBe(7);
        expect(app.file).toMatch(/open\.pra$/);
    });

    it('an accepted finding keeps its original severity, gains `accepted`, and counts only under summary.accepted', () => {
        const { run, report } = json(acceptedPlan, '--today', '2026-12-01');
        expect(run.status).toBe(0);
        expect(report.summary).toEqual({ errors: 0, warnings: 0, info: 0, accepted: 1 });
        const gap = report.files.flatMap(f => f.diagnostics).find(f => f.code === 'rto-gap')!;
        expect(gap.severity).toBe('warning');
        expect(gap.accepted).toEqual({ by: 'DG', until: '2027-06-30', reason: 'Mode dégradé tenu par le service' });
    });
});

describe('pra check --fail-on', () => {
    it('warning: exit 1 on an unaccepted warning, 0 when the only warning is accepted', () => {
        expect(pra('check', openPlan, '--today', '2026-12-01', '--fail-on', 'warning').status).toBe(1);
        expect(pra('check', acceptedPlan, '--today', '2026-12-01', '--fail-on', 'warning').status).toBe(0);
    });

    it('the default (error) lets warnings pass', () => {
        expect(pra('check', openPlan, '--today', '2026-12-01').status).toBe(0);
    });
});

describe('pra check --today', () => {
    it('--today 2030-01-01 makes outdated-plan fire; 2026-12-01 does not', () => {
        const late = json(openPlan, '--today', '2030-01-01').report;
        expect(late.files.flatMap(f => f.diagnostics).map(f => f.code)).toContain('outdated-plan');
        const now = json(openPlan, '--today', '2026-12-01').report;
        expect(now.files.flatMap(f => f.diagnostics).map(f => f.code)).not.toContain('outdated-plan');
    });

    it('--today past an acceptance\'s until brings the finding back, with expired-acceptance', () => {
        const { run, report } = json(acceptedPlan, '--today', '2027-07-01', '--fail-on', 'warning');
        expect(run.status).toBe(1);
        const codes = report.files.flatMap(f => f.diagnostics).map(f => f.code).sort();
        expect(codes).toContain('expired-acceptance');
        const gap = report.files.flatMap(f => f.diagnostics).find(f => f.code === 'rto-gap')!;
        expect(gap.accepted).toBeUndefined();
        expect(report.summary.accepted).toBe(0);
    });
});

describe('text output and SARIF for accepted findings', () => {
    it('text hides accepted findings unless --show-accepted; a last line gives their count', () => {
        const hidden = pra('check', acceptedPlan, '--today', '2026-12-01');
        expect(hidden.status, hidden.stderr).toBe(0);
        expect(hidden.stdout).not.toContain('rto-gap');
        const lastLine = hidden.stdout.trimEnd().split('\n').at(-1)!;
        expect(lastLine).toMatch(/\b1\b/);
        expect(lastLine).toMatch(/accepted/i);
        const shown = pra('check', acceptedPlan, '--today', '2026-12-01', '--show-accepted');
        expect(shown.stdout).toContain('rto-gap');
    });

    it('SARIF adds an inSource suppression with the reason as justification', () => {
        const run = pra('check', acceptedPlan, '--today', '2026-12-01', '--format', 'sarif');
        expect(run.stdout, `no SARIF on stdout; stderr: ${run.stderr}`).not.toBe('');
        const sarif = JSON.parse(run.stdout);
        const results = sarif.runs[0].results as Array<{ ruleId: string; suppressions: Array<{ kind: string; justification: string }> }>;
        const gap = results.find(r => r.ruleId === 'rto-gap')!;
        expect(gap.suppressions).toHaveLength(1);
        expect(gap.suppressions[0].kind).toBe('inSource');
        expect(gap.suppressions[0].justification).toContain('Mode dégradé tenu par le service');
    });
});
