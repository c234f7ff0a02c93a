import { describe, expect, test } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver-types';
import { buildFiles, createTestServices } from '../helpers.js';
import { cursor } from './lsp-helpers.js';

const base = `plan "P" { language fr owner DSI }
role DSI "Directeur informatique" { phone "1" }
role DAF "Directrice financière" { phone "2" }
asset ERP "Gestion commerciale" { kind saas }
asset Postes "Postes de travail" { kind workstation }
fallback Sauvegarde "Sauvegarde externalisée" { type backup covers ERP }
procedure Ressaisie "Ressaisie des factures" { phase after }
`;

async function complete(marked: string, extra: Record<string, string> = {}): Promise<CompletionItem[]> {
    const { text, offset } = cursor(marked);
    const services = createTestServices();
    const documents = await buildFiles(services, { 'plan.pra': text, ...extra });
    const document = documents['plan.pra'];
    const list = await services.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset)
    });
    return list?.items ?? [];
}
const labels = (items: CompletionItem[]): string[] => items.map(i => i.label);

describe('completion', () => {
    test('element keywords and snippets at the top level', async () => {
        const items = await complete(`${base}\n<|>`);
        expect(labels(items)).toEqual(expect.arrayContaining(
            ['activity', 'asset', 'risk', 'fallback', 'role', 'crisis', 'procedure', 'exercise', 'pra-plan']));
        const skeleton = items.find(i => i.label === 'pra-plan')!;
        const body = (skeleton.textEdit as { newText: string }).newText;
        expect(body).toContain('Point 1');
        expect(body).toContain('Point 6');
        expect(labels(items)).not.toContain('owner');
    });

    test('only the properties an element still lacks', async () => {
        const items = await complete(`${base}activity Billing {\n    owner DAF\n    rto 4h\n    <|>\n}`);
        expect(labels(items)).toEqual(expect.arrayContaining(['criticality', 'rpo', 'mtpd', 'uses', 'manual', 'catchup', 'impact']));
        expect(labels(items)).not.toContain('owner');
        expect(labels(items)).not.toContain('rto');
        expect(labels(items)).not.toContain('kind');
        expect(labels(items)).not.toContain('activity');
    });

    test('an unfinished block still gets its missing properties', async () => {
        const items = await complete(`${base}activity Billing {\n    owner DAF\n    cr<|>`);
        expect(labels(items)).toContain('criticality');
        expect(labels(items)).not.toContain('owner');
    });

    test.each([
        ['asset X {\n    kind <|>\n}', ['server', 'saas', 'workstation', 'telephony']],
        ['activity X {\n    criticality <|>\n}', ['critical', 'high', 'medium', 'low']],
        ['fallback X {\n    type <|>\n}', ['backup', 'failover', 'communication']],
        ['fallback X {\n    mode <|>\n}', ['technical', 'organisational']],
        ['fallback X {\n    resource <|>\n}', ['internal', 'external']],
        ['fallback X {\n    audience staff, <|>\n}', ['clients', 'suppliers', 'press']],
        ['procedure X {\n    phase <|>\n}', ['before', 'during', 'after']],
        ['exercise X {\n    result <|>\n}', ['passed', 'partial', 'failed']],
        ['risk X {\n    category <|>\n}', ['cyber', 'fire', 'flood']],
        ['activity X {\n    impact {\n        <|>\n    }\n}', ['financial', 'legal', 'reputation', 'operational', 'safety', 'data']]
    ])('enum values: %s', async (element, expected) => {
        const items = await complete(`${base}${element}`);
        expect(labels(items)).toEqual(expect.arrayContaining(expected));
        expect(labels(items)).not.toContain('owner');
    });

    test('the plan language', async () => {
        expect(labels(await complete('plan "P" {\n    language <|>\n}'))).toEqual(['fr', 'en']);
    });

    test('roles only after owner, with their title as detail; no asset', async () => {
        const items = await complete(`${base}activity Billing {\n    owner <|>\n}`);
        expect(labels(items).sort()).toEqual(['DAF', 'DSI']);
        expect(items.find(i => i.label === 'DSI')!.detail).toContain('Directeur informatique');
        expect(labels(items)).not.toContain('ERP');
    });

    test('assets only after uses and depends on', async () => {
        expect(labels(await complete(`${base}activity Billing {\n    uses <|>\n}`)).sort()).toEqual(['ERP', 'Postes']);
        expect(labels(await complete(`${base}asset Cloud {\n    depends on <|>\n}`)).sort()).toEqual(['ERP', 'Postes']);
    });

    test('assets and activities after covers; fallbacks after mitigated by; procedures after catchup', async () => {
        const covers = labels(await complete(`${base}activity Billing { owner DAF }\nfallback F {\n    covers <|>\n}`));
        expect(covers).toEqual(expect.arrayContaining(['ERP', 'Postes', 'Billing']));
        expect(covers).not.toContain('DSI');
        expect(labels(await complete(`${base}risk R {\n    mitigated by <|>\n}`))).toEqual(['Sauvegarde']);
        expect(labels(await complete(`${base}activity Billing {\n    catchup <|>\n}`))).toEqual(['Ressaisie']);
    });

    test('references come from imported files too', async () => {
        const items = await complete('import "inventory.pra"\nactivity A {\n    uses <|>\n}',
            { 'inventory.pra': 'asset Nas "Stockage" { kind server }' });
        expect(labels(items)).toEqual(['Nas']);
    });

    test('units after a number in a duration position', async () => {
        const items = await complete(`${base}activity Billing {\n    rto 4<|>\n}`);
        expect(labels(items)).toEqual(['4min', '4h', '4d', '4w']);
        expect(items.find(i => i.label === '4h')!.detail).toBe('4 heures');
        expect(labels(await complete(`${base}activity B {\n    impact {\n        financial 2 after 1.5<|>\n    }\n}`))).toContain('1.5h');
    });

    test('levels with their scale labels', async () => {
        const items = await complete(`${base}risk R {\n    likelihood <|>\n}`);
        expect(labels(items)).toEqual(['1 — Peu vraisemblable', '2 — Vraisemblable', '3 — Très vraisemblable', '4 — Quasi certain']);
        expect((items[2].textEdit as { newText: string }).newText).toBe('3');
        const impact = await complete(`scale impact { 1 "Low" 2 "Mid" 3 "High" }\nrisk R {\n    impact <|>\n}`);
        expect(labels(impact)).toEqual(['1 — Low', '2 — Mid', '3 — High']);
        const line = await complete(`${base}activity B {\n    impact {\n        legal <|>\n    }\n}`);
        expect(labels(line)[3]).toBe('4 — Critique');
    });
});

describe('snippets', () => {
    test('every element has a snippet whose body parses once its placeholders are filled', async () => {
        const { praSnippets } = await import('../../packages/language/src/pra-snippets.js');
        expect(praSnippets.map(s => s.prefix)).toEqual(expect.arrayContaining([
            'pra-plan', 'plan', 'role', 'asset', 'activity', 'risk', 'fallback', 'crisis', 'procedure', 'exercise', 'scale', 'acceptance', 'exception'
        ]));
        expect(praSnippets.filter(s => s.inside).map(s => s.prefix)).toEqual(['parallel', 'accept', 'revision']);
        // Choices follow the vocabulary (new asset kinds, exercise types).
        expect(praSnippets.find(s => s.prefix === 'asset')!.body.join('\n'))
            .toContain('|server,saas,application,network,internet,workstation,telephony,printer,data,facility,mobile,site,other|');
        expect(praSnippets.find(s => s.prefix === 'exercise')!.body.join('\n')).toContain('|tabletop,walkthrough,functional,full-scale|');
        // A snippet written inside a block is checked inside each block it is offered in.
        const wrappers: Record<string, (body: string) => string> = {
            Plan: body => `plan "P" {\n${body}\n}`, Procedure: body => `procedure X {\n${body}\n}`,
            Role: body => `role X {\n${body}\n}`, Asset: body => `asset X {\n${body}\n}`, Activity: body => `activity X {\n${body}\n}`,
            Risk: body => `risk X {\n${body}\n}`, Fallback: body => `fallback X {\n${body}\n}`, Exercise: body => `exercise X {\n${body}\n}`
        };
        const placed = praSnippets.flatMap(s => (s.inside ?? ['']).map(inside => ({ ...s, wrap: wrappers[inside] ?? ((b: string) => b) })));
        for (const snippet of placed) {
            const filled = snippet.wrap(snippet.body.join('\n')
                .replace(/\$\{\d+\|([^,|]+)[^}]*\|\}/g, '$1')
                .replace(/\$\{\d+:([^}]*)\}/g, '$1')
                .replace(/\$\d+/g, ''));
            const services = createTestServices();
            const document = (await buildFiles(services, { 'plan.pra': filled }))['plan.pra'];
            expect(document.parseResult.parserErrors.map(e => e.message), snippet.prefix).toEqual([]);
            expect(document.parseResult.lexerErrors, snippet.prefix).toEqual([]);
        }
    });

    test('the plan skeleton has no error once filled', async () => {
        const { praSnippets } = await import('../../packages/language/src/pra-snippets.js');
        const skeleton = praSnippets.find(s => s.prefix === 'pra-plan')!;
        const filled = skeleton.body.join('\n').replace(/\$\{\d+\|([^,|]+)[^}]*\|\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
        const document = (await buildFiles(createTestServices(), { 'plan.pra': filled }))['plan.pra'];
        expect((document.diagnostics ?? []).filter(d => d.severity === 1).map(d => d.message)).toEqual([]);
    });
});

describe('completion that fits where you are (issue 15)', () => {
    test('after "owner " only the roles: no snippet, no keyword', async () => {
        const items = await complete(`${base}activity Billing {\n    owner <|>\n}`);
        expect(labels(items)).toEqual(expect.arrayContaining(['DSI', 'DAF']));
        expect(items.filter(i => i.kind === 15 /* Snippet */)).toEqual([]);
        expect(labels(items)).not.toContain('activity');
    });

    test('every keyword and value comes with one line of documentation in the plan\'s language', async () => {
        const inside = await complete(`${base}activity Billing {\n    <|>\n}`);
        const mtpd = inside.find(i => i.label === 'mtpd')!;
        expect(mtpd.documentation).toMatch(/^Durée maximale d'interruption supportable/);
        const undocumented = inside.filter(i => i.kind === 14 /* Keyword */ && !i.documentation).map(i => i.label);
        expect(undocumented).toEqual([]);
        const status = await complete(`${base}fallback Copie {\n    status <|>\n}`);
        expect(labels(status)).toEqual(['active', 'planned', 'option', 'rejected']);
        expect(status.find(i => i.label === 'option')!.documentation).toMatch(/^Envisagé, non décidé/);
        const english = await complete(`${base.replace('language fr', 'language en')}fallback Copie {\n    type backup\n    <|>\n}`);
        expect(english.find(i => i.label === 'offline')?.documentation).toMatch(/disconnected from the network/);
    });

    test('after a number, the units first and only them', async () => {
        const items = await complete(`${base}activity Billing {\n    rto 4<|>\n}`);
        expect(labels(items)).toEqual(['4min', '4h', '4d', '4w']);
    });
});

describe('completion requests in flight at the same time (issue 11)', () => {
    test('two interleaved requests on different documents each get their own answer', async () => {
        const services = createTestServices();
        const french = cursor(`${base}activity Billing {<|>\n    owner DAF\n}`);
        const english = cursor(`${base.replace('language fr', 'language en')}asset Cloud {<|>\n    kind saas\n}`);
        const documents = await buildFiles(services, { 'billing.pra': french.text, 'cloud.pra': english.text });
        const request = async (name: string, offset: number): Promise<CompletionItem[]> => {
            const document = documents[name];
            const params = { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) };
            const list = await services.lsp.CompletionProvider!.getCompletion(document, params);
            return list?.items ?? [];
        };
        // Both started before either is awaited. Right after `{` Langium's completion has two steps (the token, then what
        // follows it) with an `await` between them, so the two requests interleave.
        const [billing, cloud] = await Promise.all([request('billing.pra', french.offset), request('cloud.pra', english.offset)]);
        // Each answer is the one the request gets alone: the activity's missing properties, in French…
        expect(labels(billing)).toEqual(expect.arrayContaining(['criticality', 'rpo', 'mtpd', 'uses']));
        expect(labels(billing)).not.toContain('owner');
        expect(labels(billing)).not.toContain('depends');
        expect(billing.find(i => i.label === 'mtpd')!.documentation).toMatch(/^Durée maximale d'interruption supportable/);
        // … and the asset's, in English.
        expect(labels(cloud)).toContain('depends');
        expect(labels(cloud)).not.toContain('kind');
        expect(labels(cloud)).not.toContain('criticality');
        expect(labels(billing).sort()).toEqual(labels(await request('billing.pra', french.offset)).sort());
        expect(labels(cloud).sort()).toEqual(labels(await request('cloud.pra', english.offset)).sort());
    });
});
