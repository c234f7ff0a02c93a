import { describe, expect, test } from 'vitest';
import { expectFindReferences, expectGoToDefinition, highlightHelper, expectSemanticToken } from 'langium/test';
import type { LangiumDocument } from 'langium';
import { SemanticTokenTypes, type DocumentSymbol, type SymbolInformation, type WorkspaceSymbol } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildFiles, createTestServices } from '../helpers.js';

const inventory = `role DSI "IT manager" { phone "1" }
asset ERP "Sales software" { kind saas owner DSI }
`;
const planText = `import "inventory.pra"
plan "P" { owner DSI }
role DAF { phone "2" }
activity Billing "Invoicing" { owner DSI uses ERP }
risk Outage { targets ERP owner DAF }
`;

async function workspace(): Promise<{ services: ReturnType<typeof createTestServices>; plan: LangiumDocument; inv: LangiumDocument }> {
    const services = createTestServices();
    const documents = await buildFiles(services, { 'inventory.pra': inventory, 'plan.pra': planText });
    return { services, plan: documents['plan.pra'], inv: documents['inventory.pra'] };
}

describe('rename across imported files', () => {
    test('renames the declaration and every reference in both files', async () => {
        const { services, plan, inv } = await workspace();
        const offset = planText.indexOf('uses ERP') + 6;
        const edit = await services.lsp.RenameProvider!.rename(plan, {
            textDocument: { uri: plan.uri.toString() }, position: plan.textDocument.positionAt(offset), newName: 'Logiciel-Ventes'
        });
        const changes = edit!.changes!;
        expect(TextDocument.applyEdits(inv.textDocument, changes[inv.uri.toString()])).toBe(inventory.replace('ERP', 'Logiciel-Ventes'));
        expect(TextDocument.applyEdits(plan.textDocument, changes[plan.uri.toString()]))
            .toBe(planText.replaceAll('ERP', 'Logiciel-Ventes'));
    });

    test('refuses an invalid name with a clear message', async () => {
        const { services, plan } = await workspace();
        const position = plan.textDocument.positionAt(planText.indexOf('role DAF') + 6);
        const rename = (newName: string) =>
            services.lsp.RenameProvider!.rename(plan, { textDocument: { uri: plan.uri.toString() }, position, newName });
        await expect(rename('2DAF')).rejects
            .toThrow('\'2DAF\' is not a valid name: start with a letter or _, then letters, digits, _ or -.');
        await expect(rename('Direction financière')).rejects.toThrow('is not a valid name');
        await expect(rename('owner')).rejects.toThrow('\'owner\' is not a valid name');
    });

    test('refuses a name another element of the same kind has in an imported file', async () => {
        const { services, plan } = await workspace();
        const position = plan.textDocument.positionAt(planText.indexOf('role DAF') + 6);
        await expect(services.lsp.RenameProvider!.rename(plan, { textDocument: { uri: plan.uri.toString() }, position, newName: 'DSI' }))
            .rejects.toThrow('Cannot rename DAF to DSI: another role is already named DSI (inventory.pra).');
        // Another kind may share the name.
        const edit = await services.lsp.RenameProvider!.rename(plan,
            { textDocument: { uri: plan.uri.toString() }, position, newName: 'ERP' });
        expect(Object.keys(edit!.changes!)).toEqual([plan.uri.toString()]);
    });
});

describe('definition, references, highlights', () => {
    test('go to definition in another file', async () => {
        const { services, plan, inv } = await workspace();
        const links = await services.lsp.DefinitionProvider!.getDefinition(plan, {
            textDocument: { uri: plan.uri.toString() }, position: plan.textDocument.positionAt(planText.indexOf('uses ERP') + 6)
        });
        expect(links?.[0].targetUri).toBe(inv.uri.toString());
        expect(links?.[0].targetSelectionRange.start).toEqual({ line: 1, character: 6 });
    });

    test('find references across files', async () => {
        const { services, inv } = await workspace();
        const references = await services.lsp.ReferencesProvider!.findReferences(inv, {
            textDocument: { uri: inv.uri.toString() }, position: { line: 0, character: 6 }, context: { includeDeclaration: false }
        });
        expect(references.map(r => `${r.uri.split('/').pop()}:${r.range.start.line}`).sort())
            .toEqual(['inventory.pra:1', 'plan.pra:1', 'plan.pra:3']);
    });

    test('langium helpers: definition, references and highlights in one file', async () => {
        const services = createTestServices();
        const text = 'role <|DSI|> { phone "1" }\nasset A { owner <|>DSI }\nactivity B { owner <|DSI|> }';
        await expectGoToDefinition(services)({ text, index: 0, rangeIndex: 0 });
        await expectFindReferences(services)({ text: 'role <|DSI|> { phone "1" }\nasset A { owner <|DSI|> }', includeDeclaration: true });
    });

    test('highlights the occurrences of a name in the file, declared here or imported', async () => {
        const { services, plan } = await workspace();
        const highlights = await services.lsp.DocumentHighlightProvider!.getDocumentHighlight(plan, {
            textDocument: { uri: plan.uri.toString() }, position: plan.textDocument.positionAt(planText.indexOf('owner DSI') + 7)
        });
        expect(highlights?.map(h => h.range.start.line)).toEqual([1, 3]);
        const local = await services.lsp.DocumentHighlightProvider!.getDocumentHighlight(plan, {
            textDocument: { uri: plan.uri.toString() }, position: plan.textDocument.positionAt(planText.indexOf('role DAF') + 6)
        });
        expect(local?.map(h => h.range.start.line)).toEqual([2, 4]);
    });
});

describe('symbols, folding, semantic tokens', () => {
    test('the outline groups elements by kind', async () => {
        const { services, plan } = await workspace();
        const symbols = await services.lsp.DocumentSymbolProvider!
            .getSymbols(plan, { textDocument: { uri: plan.uri.toString() } }) as DocumentSymbol[];
        expect(symbols.map(s => `${s.name}: ${(s.children ?? []).map(c => c.name).join(', ')}`))
            .toEqual(['P: ', 'Roles: DAF', 'Activities: Billing', 'Risks: Outage']);
        expect(symbols[2].children![0].detail).toBe('Invoicing');
    });

    test('workspace symbols find elements of every file', async () => {
        const { services } = await workspace();
        const found = await services.shared.lsp.WorkspaceSymbolProvider!
            .getSymbols({ query: 'ERP' }) as Array<SymbolInformation | WorkspaceSymbol>;
        expect(found.map(s => s.name)).toEqual(['ERP']);
        expect(found[0].location.uri).toMatch(/inventory\.pra$/);
    });

    test('blocks and comments fold', async () => {
        const services = createTestServices();
        const text = '/* a\n longer\n comment */\nactivity A {\n    rto 4h\n    rpo 1d\n}\n';
        const document = (await buildFiles(services, { 'plan.pra': text }))['plan.pra'];
        const ranges = await services.lsp.FoldingRangeProvider!
            .getFoldingRanges(document, { textDocument: { uri: document.uri.toString() } });
        expect(ranges.map(r => [r.startLine, r.kind ?? 'region'])).toEqual(expect.arrayContaining([[0, 'comment'], [3, 'region']]));
    });

    test('references are coloured by the kind of element they name', async () => {
        const tokens = await highlightHelper(createTestServices())(
            'role DSI { phone "1" }\nasset ERP { owner <|DSI|> }\nactivity A { uses <|ERP|> rto <|4h|> }');
        expectSemanticToken(tokens, { rangeIndex: 0, tokenType: SemanticTokenTypes.class });
        expectSemanticToken(tokens, { rangeIndex: 1, tokenType: SemanticTokenTypes.variable });
        expectSemanticToken(tokens, { rangeIndex: 2, tokenType: SemanticTokenTypes.number });
    });
});
