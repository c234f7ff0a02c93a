import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, test } from 'vitest';

// The layering of docs/architecture.md, read from the import statements of every .ts under packages/.

const root = join(__dirname, '..');

interface Import { file: string; specifier: string; typeOnly: boolean }

function typeScriptFiles(folder: string): string[] {
    return readdirSync(folder).flatMap(name => {
        const path = join(folder, name);
        if (['node_modules', 'out', 'dist'].includes(name)) return [];
        return statSync(path).isDirectory() ? typeScriptFiles(path) : name.endsWith('.ts') ? [path] : [];
    });
}

/** Static imports and re-exports (`import type`/`export type` marked), side-effect imports and dynamic imports. */
function importsOf(path: string): Import[] {
    const file = relative(root, path).split(sep).join('/');
    const text = readFileSync(path, 'utf8');
    const found: Import[] = [];
    const statement = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
    for (const m of text.matchAll(statement)) found.push({ file, specifier: m[3], typeOnly: m[2] !== undefined });
    for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ file, specifier: m[1], typeOnly: false });
    return found;
}

const imports = typeScriptFiles(join(root, 'packages')).flatMap(importsOf);
const show = (list: readonly Import[]): string[] => list.map(i => `${i.file} imports ${i.typeOnly ? 'type ' : ''}'${i.specifier}'`);
const under = (folder: string) => (i: Import): boolean => i.file.startsWith(folder);
const isRelative = (i: Import): boolean => i.specifier.startsWith('.');

/** The language package's entry points: the only way other packages may reach it. */
const entryPoints = Object.keys((JSON.parse(readFileSync(join(root, 'packages/language/package.json'), 'utf8')) as {
    exports: Record<string, unknown>;
}).exports).map(key => key === '.' ? 'pra-language' : `pra-language/${key.slice(2)}`);

/**
 * The pure core: no editor, no protocol types. The model, the analysis (recovery paths, graph, tests),
 * the plan checks by concern, and the builders of what is shown or exported.
 */
const core = new RegExp('^packages/language/src/('
    + '(pra-analysis|pra-model|pra-model-builder|pra-recovery|pra-recovery-base|pra-kept|pra-graph|pra-exercises|pra-risk-matrix)\\.ts'
    + '|checks/(pra-finding|index|\\w+-checks)\\.ts'
    + '|(preview|export|render|simulation)/.*)$');
// The structural checks of the text are Langium validations, not the pure core.
const notCore = /^packages\/language\/src\/checks\/structure-checks\.ts$/;

describe('the architecture (docs/architecture.md)', () => {
    test('the test reads the imports of every package', () => {
        const folders = ['packages/language/src/', 'packages/cli/src/', 'packages/extension/src/', 'packages/extension/src/webview/'];
        for (const folder of folders) expect(imports.filter(under(folder)).length, folder).toBeGreaterThan(5);
    });

    test('nothing in the language package imports the VS Code API', () => {
        expect(show(imports.filter(i => under('packages/language/')(i) && i.specifier === 'vscode'))).toEqual([]);
    });

    test('the model, the analysis and the preview, export and render builders import no language-server or LSP types', () => {
        const lsp = /^(vscode-languageserver|vscode-jsonrpc|langium\/lsp)/;
        expect(imports.filter(i => core.test(i.file) && !notCore.test(i.file)).length).toBeGreaterThan(50);
        expect(show(imports.filter(i => core.test(i.file) && !notCore.test(i.file) && lsp.test(i.specifier)))).toEqual([]);
    });

    test('the renderers are pure: they import only each other and types of the layout they draw', () => {
        const offending = imports.filter(i => under('packages/language/src/render/')(i)
            && !(i.specifier.startsWith('./') || (i.typeOnly && i.specifier.startsWith('../'))
                || i.specifier === '../export/pra-export-theme.js'));
        expect(show(offending)).toEqual([]);
    });

    test('the CLI and the extension reach the language package only through its entry points', () => {
        const faces = imports.filter(i => under('packages/cli/')(i) || under('packages/extension/')(i));
        const offending = faces.filter(i => (isRelative(i) && /(^|\/)\.\.\/\.\.\//.test(i.specifier) && !i.file.includes('/webview/'))
            || i.specifier.includes('language/src') || (i.specifier.startsWith('pra-language') && !entryPoints.includes(i.specifier)));
        expect(show(offending)).toEqual([]);
    });

    test('the webview imports only its own modules, the protocol\'s types and the pure renderers', () => {
        const offending = imports.filter(i => under('packages/extension/src/webview/')(i) && !(
            (isRelative(i) && i.specifier.startsWith('./'))
            || (i.specifier === 'pra-language/protocol' && i.typeOnly)
            || i.specifier === 'pra-language/render'));
        expect(show(offending)).toEqual([]);
    });

    test('only the extension imports the VS Code API, and not from its webview', () => {
        const vscode = imports.filter(i => i.specifier === 'vscode');
        expect(show(vscode.filter(i => !under('packages/extension/src/')(i) || under('packages/extension/src/webview/')(i)))).toEqual([]);
    });

    test('every module the knowledge table of docs/architecture.md names exists', () => {
        const doc = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
        const table = doc.slice(doc.indexOf('## Where each piece of knowledge lives'));
        const named = [...new Set([...table.matchAll(/`([\w./{},-]+\.(?:ts|langium|js|css))`/g)].map(m => m[1]))]
            .flatMap(name => /\{(.*)\}/.test(name) ? /\{(.*)\}/.exec(name)![1].split(',').map(part => name.replace(/\{.*\}/, part)) : [name]);
        expect(named).toContain('pra-syntax.ts');
        const exists = (name: string): boolean => [root, join(root, 'packages/language/src')].some(folder => {
            try { return statSync(join(folder, name)).isFile(); } catch { return false; }
        });
        expect(named.filter(name => !exists(name))).toEqual([]);
    });
});
