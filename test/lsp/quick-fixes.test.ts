import { describe, expect, test } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeOf } from '../../packages/language/src/pra-check-report.js';
import { buildFiles, createTestServices } from '../helpers.js';

interface Fixed { after: string; titles: string[]; remaining: number }

/** Applies the quick fix (the one titled `choose`, else the first) of the only diagnostic with `code`. */
async function fix(before: string, code: string, choose?: string): Promise<Fixed> {
    const services = createTestServices();
    const document = (await buildFiles(services, { 'plan.pra': before }))['plan.pra'];
    const relevant = (document.diagnostics ?? []).filter(d => codeOf(d) === code);
    expect(relevant, `diagnostics ${code}`).toHaveLength(1);
    const actions = (await services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: relevant[0].range, context: { diagnostics: relevant as Diagnostic[] }
    }) ?? []) as CodeAction[];
    const action = actions.find(a => a.title === choose) ?? actions[0];
    expect(action, `a quick fix for ${code}`).toBeDefined();
    const edits = action.edit!.changes![document.uri.toString()];
    const after = TextDocument.applyEdits(document.textDocument, edits);
    const rebuilt = (await buildFiles(createTestServices(), { 'plan.pra': after }))['plan.pra'];
    return { after, titles: actions.map(a => a.title), remaining: (rebuilt.diagnostics ?? []).filter(d => codeOf(d) === code).length };
}

const roles = 'role DSI { phone "1" }\n';

describe('quick fixes', () => {
    test('critical-without-fallback: a fallback skeleton that covers the activity', async () => {
        const { after, remaining } = await fix(`${roles}activity Paie {
    owner DSI
    criticality critical
    rto 1d
}`, 'critical-without-fallback');
        expect(after).toBe(`${roles}activity Paie {
    owner DSI
    criticality critical
    rto 1d
}

fallback Paie-Fallback "Fallback for Paie" {
    type     workaround
    mode     organisational
    covers   Paie
    rto      1d
    owner    DSI
}`);
        expect(remaining).toBe(0);
    });

    test('missing-requirement: the missing properties with placeholders', async () => {
        const { after, remaining } = await fix(`plan "P" { owner DSI }\n${roles}activity Paie {
    criticality high
    manual "paper"
    catchup Redo
}
procedure Redo { phase after }`, 'missing-requirement');
        expect(after).toBe(`plan "P" { owner DSI }\n${roles}activity Paie {
    criticality high
    manual "paper"
    catchup Redo
    rto 4h
    rpo 1d
    owner DSI
}
procedure Redo { phase after }`);
        expect(remaining).toBe(0);
    });

    test('manual-without-catchup: creates the catch-up procedure and links it', async () => {
        const { after, remaining } = await fix(`${roles}activity Paie { owner DSI manual "Bulletins sur papier" }`,
            'manual-without-catchup');
        expect(after).toBe(`${roles}activity Paie { owner DSI manual "Bulletins sur papier"
    catchup Paie-Catchup
}

procedure Paie-Catchup "Catch-up after the manual period of Paie" {
    phase after
    for   Paie
    step  "Re-enter the work done by hand" by DSI
}`);
        expect(remaining).toBe(0);
    });

    test('untested-fallback: adds a tested line dated like the plan', async () => {
        const before = `plan "P" { date 2026-06-01 }
asset Srv { kind server }
activity A { criticality critical uses Srv }
fallback Nas {
    type backup
    covers Srv
}`;
        const { after, remaining } = await fix(before, 'untested-fallback');
        expect(after).toBe(before.replace('covers Srv\n', 'covers Srv\n    tested 2026-06-01\n'));
        expect(remaining).toBe(0);
    });

    test('untested-fallback: refreshes a stale test date', async () => {
        const before = `plan "P" { date 2026-06-01 }
asset Srv { kind server }
activity A { criticality critical uses Srv }
fallback Nas { type backup covers Srv tested 2024-01-01 offline }`;
        const { after } = await fix(before, 'untested-fallback');
        expect(after).toBe(before.replace('2024-01-01', '2026-06-01'));
    });

    test('unmitigated-risk: mitigated by, with a choice of fallbacks', async () => {
        const before = `asset Srv { kind server }
fallback Other { type other }
fallback Nas { type backup covers Srv }
risk Fire {
    likelihood 3
    impact 4
    targets Srv
}`;
        const { after, titles, remaining } = await fix(before, 'unmitigated-risk');
        expect(titles).toEqual([
            'Mitigate Fire by Nas', 'Mitigate Fire by Other', 'Mitigate Fire by a new fallback', 'Accept this finding…'
        ]);
        expect(after).toBe(before.replace('targets Srv\n', 'targets Srv\n    mitigated by Nas\n'));
        expect(remaining).toBe(0);
        const created = await fix(before, 'unmitigated-risk', 'Mitigate Fire by a new fallback');
        expect(created.after).toBe(`${before.replace('targets Srv\n', 'targets Srv\n    mitigated by Fire-Mitigation\n')}

fallback Fire-Mitigation "Mitigation of Fire" {
    type     other
    mode     technical
    covers   Srv
}`);
        expect(created.remaining).toBe(0);
    });

    test('linking-error: creates the missing element of the right kind', async () => {
        const role = await fix('activity A {\n    owner Comptable\n}\n', 'linking-error');
        expect(role.after).toBe('activity A {\n    owner Comptable\n}\n\n'
            + 'role Comptable "To describe" {\n    holder "To describe"\n    phone  "To describe"\n}\n');
        expect(role.remaining).toBe(0);
        const asset = await fix('activity A { uses Nas }', 'linking-error');
        expect(asset.after).toBe('activity A { uses Nas }\n\nasset Nas "To describe" {\n    kind other\n}\n');
        expect(asset.remaining).toBe(0);
        const procedure = await fix('activity A { manual "x" catchup Redo }', 'linking-error');
        expect(procedure.after).toContain('procedure Redo "To describe" {\n    phase after\n}');
        const fallback = await fix('risk R { mitigated by Nas }', 'linking-error');
        expect(fallback.after).toContain('fallback Nas "To describe" {\n    type other\n    mode technical\n}');
    });

    test('duplicate-property: removes the duplicate', async () => {
        const { after, remaining } = await fix(`asset Srv {
    kind server
    owner DSI
    kind saas   // second
}
${roles}`, 'duplicate-property');
        expect(after).toBe(`asset Srv {
    kind server
    owner DSI
    // second
}
${roles}`);
        expect(remaining).toBe(0);
    });

    test('titles follow the plan language', async () => {
        const { titles } = await fix('plan "P" { language fr }\nactivity A { uses Nas }', 'linking-error');
        expect(titles).toEqual(['Créer l\'élément ressource Nas']);
    });
});

/** The code actions offered for the diagnostics with `code` (the first, or the one at `index`). */
async function actionsFor(
    before: string, code: string, index = 0
): Promise<{ actions: CodeAction[]; document: Awaited<ReturnType<typeof buildFiles>>[string] }> {
    const services = createTestServices();
    services.PraSettings.today = '2026-11-30';
    const document = (await buildFiles(services, { 'plan.pra': before }))['plan.pra'];
    const relevant = (document.diagnostics ?? []).filter(d => codeOf(d) === code);
    expect(relevant.length, `diagnostics ${code}`).toBeGreaterThan(index);
    const actions = (await services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: relevant[index].range,
        context: { diagnostics: [relevant[index]] as Diagnostic[] }
    }) ?? []) as CodeAction[];
    return { actions, document };
}

/** Applies the action titled `title` and rebuilds: the text and the diagnostics with `code` afterwards. */
async function apply(before: string, code: string, title: string): Promise<{ after: string; diagnostics: Diagnostic[] }> {
    const { actions, document } = await actionsFor(before, code);
    const action = actions.find(a => a.title === title);
    expect(action, `${title} for ${code}: ${actions.map(a => a.title).join(', ')}`).toBeDefined();
    const after = TextDocument.applyEdits(document.textDocument, action!.edit!.changes![document.uri.toString()]);
    const services = createTestServices();
    services.PraSettings.today = '2026-11-30';
    const rebuilt = (await buildFiles(services, { 'plan.pra': after }))['plan.pra'];
    return { after, diagnostics: (rebuilt.diagnostics ?? []).filter(d => codeOf(d) === code) as Diagnostic[] };
}

describe('accepted findings: quick fixes', () => {
    const plan = `plan "P" {
    date  2026-06-01
    owner DG
}
role DG { phone "1" }
role DSI { phone "2" }
asset ERP { kind saas }
fallback Backup { type backup covers ERP rto 2d rpo 1h tested 2026-05-01 offline }
`;

    test('Accept this finding…: an accept line as the last property of the activity, same indentation, by the plan owner', async () => {
        const before = `${plan}activity Billing {
  owner DSI
  rto 4h
  uses ERP
}`;
        const { after, diagnostics } = await apply(before, 'rto-gap', 'Accept this finding…');
        expect(after).toBe(before.replace('  uses ERP\n', '  uses ERP\n  accept rto-gap "Reason to write" by DG until 2027-06-01\n'));
        expect(diagnostics).toHaveLength(1);
        expect(diagnostics[0].severity).toBe(3);
        expect(diagnostics[0].message).toMatch(/^Accepted by DG until 2027-06-01: Reason to write — Billing requires RTO 4 h/);
    });

    test('a plan-wide finding is accepted in the plan block', async () => {
        const before = plan.replace(' offline', '');
        const { after, diagnostics } = await apply(before, 'no-offline-backup', 'Accept this finding…');
        expect(after).toBe(before.replace('    owner DG\n}',
            '    owner DG\n    accept no-offline-backup "Reason to write" by DG until 2027-06-01\n}'));
        expect(diagnostics.map(d => d.severity)).toEqual([3]);
    });

    test('without a plan owner: the element\'s owner, else the first role; without a plan date: a year from today', async () => {
        const noOwner = `plan "P" { date 2026-06-01 }\nrole DG { phone "1" }\nrole DSI { phone "2" }\nasset ERP { kind saas }\n`
            + 'fallback Backup { type backup covers ERP rto 2d rpo 1h tested 2026-05-01 offline }\n';
        const owned = await apply(`${noOwner}activity Billing { owner DSI rto 4h uses ERP }`, 'rto-gap', 'Accept this finding…');
        expect(owned.after)
            .toContain('activity Billing { owner DSI rto 4h uses ERP\n    accept rto-gap "Reason to write" by DSI until 2027-06-01\n}');
        const first = await apply(`${noOwner}activity Billing { rto 4h uses ERP }`, 'rto-gap', 'Accept this finding…');
        expect(first.after).toContain('accept rto-gap "Reason to write" by DG until 2027-06-01');
        const undated = await apply(`${noOwner.replace(' date 2026-06-01', '')}activity Billing { rto 4h uses ERP }`,
            'rto-gap', 'Accept this finding…');
        expect(undated.after).toContain('until 2027-11-30');
        expect(undated.diagnostics[0].message).toMatch(/^Accepted by DG until 2027-11-30/);
    });

    test('a finding about a fallback is accepted in the block of the fallback', async () => {
        const before = `plan "P" { date 2026-06-01 owner DG }\nrole DG { phone "1" }\nasset Srv { kind server }\n`
            + 'activity A { criticality critical rto 1d uses Srv }\nfallback Nas {\n    type backup\n    covers Srv\n    rto 4h\n}';
        const { after, diagnostics } = await apply(before, 'untested-fallback', 'Accept this finding…');
        expect(after).toBe(before.replace('    rto 4h\n}',
            '    rto 4h\n    accept untested-fallback "Reason to write" by DG until 2027-06-01\n}'));
        expect(diagnostics[0].message).toMatch(/^Accepted by DG/);
    });

    test('Remove the unused acceptance deletes the line', async () => {
        const before = `${plan}activity Billing {
    rto 1w
    uses ERP
    accept rto-gap "Degraded mode" by DG until 2027-06-30
}`;
        const { actions } = await actionsFor(before, 'unused-acceptance');
        expect(actions.map(a => a.title)).toEqual(['Remove the unused acceptance']);
        const { after, diagnostics } = await apply(before, 'unused-acceptance', 'Remove the unused acceptance');
        expect(after).toBe(before.replace('    accept rto-gap "Degraded mode" by DG until 2027-06-30\n', ''));
        expect(diagnostics).toEqual([]);
    });

    test('an expired acceptance: renew it for a year, or remove it', async () => {
        const before = `${plan}activity Billing { rto 4h uses ERP accept rto-gap "Degraded mode" by DG until 2026-01-01 }`;
        const renewed = await apply(before, 'expired-acceptance', 'Renew the acceptance until 2027-11-30');
        expect(renewed.after).toBe(before.replace('2026-01-01', '2027-11-30'));
        expect(renewed.diagnostics).toEqual([]);
        const removed = await apply(before, 'expired-acceptance', 'Remove the expired acceptance');
        expect(removed.after).toBe(before.replace(' accept rto-gap "Degraded mode" by DG until 2026-01-01', ''));
    });

    test('near miss: no Accept this finding… for a structural code, nor for a finding already accepted', async () => {
        const duplicate = await actionsFor('asset Srv {\n    kind server\n    kind saas\n}', 'duplicate-property');
        expect(duplicate.actions.map(a => a.title)).toEqual(['Remove the repeated \'kind\'']);
        const accepted = await actionsFor(`${plan}activity Billing { rto 4h uses ERP accept rto-gap "ok" by DG }`, 'rto-gap');
        expect(accepted.actions.map(a => a.title)).not.toContain('Accept this finding…');
    });
});
