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
        const { after, remaining } = await fix(`${roles}activity Paie { owner DSI manual "Bulletins sur papier" }`, 'manual-without-catchup');
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
        expect(titles).toEqual(['Mitigate Fire by Nas', 'Mitigate Fire by Other', 'Mitigate Fire by a new fallback']);
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
        expect(role.after).toBe('activity A {\n    owner Comptable\n}\n\nrole Comptable "To describe" {\n    holder "To describe"\n    phone  "To describe"\n}\n');
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
