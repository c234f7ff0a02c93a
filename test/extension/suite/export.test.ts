import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import * as vscode from 'vscode';
import type { ExportPrompts } from '../../../packages/extension/src/commands/export-command.js';
import type { PraExtensionApi } from '../../../packages/extension/src/extension.js';
import { waitFor } from './wait.js';

function exampleUri(relative: string): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests need the examples folder open as the workspace');
    return vscode.Uri.joinPath(folder.uri, relative);
}

/** Answers Export Plan… as a user would: a format, a file, the refusal's choice; keeps what was asked and offered. */
class ScriptedExport implements ExportPrompts {
    readonly asked: Array<{ message: string; choices: string[] }> = [];
    readonly told: Array<{ message: string; choices: string[] }> = [];
    constructor(
        private readonly format: string, private readonly target: string,
        private readonly answer?: (choices: string[]) => string | undefined
    ) {}
    pick<T extends vscode.QuickPickItem>(items: T[]): Thenable<T | undefined> {
        return Promise.resolve(items.find(item => (item as T & { format?: string }).format === this.format));
    }
    save(): Thenable<vscode.Uri | undefined> { return Promise.resolve(vscode.Uri.file(this.target)); }
    ask(message: string, ...choices: string[]): Thenable<string | undefined> {
        this.asked.push({ message, choices });
        assert.ok(this.answer, `unexpected question: ${message}`);
        return Promise.resolve(this.answer(choices));
    }
    tell(message: string, ...choices: string[]): Thenable<string | undefined> {
        this.told.push({ message, choices });
        // The reader does not answer: nothing may open.
        return Promise.resolve(undefined);
    }
}

const tabLabels = (): string[] => vscode.window.tabGroups.all.flatMap(group => group.tabs.map(tab => tab.label));
const wordText = (file: string): string =>
    strFromU8(unzipSync(readFileSync(file), { filter: f => f.name === 'word/document.xml' })['word/document.xml']);

suite('PRA: Export Plan… in a real VS Code', () => {
    let api: PraExtensionApi;
    let folder: string;

    suiteSetup(async () => {
        const extension = vscode.extensions.getExtension<PraExtensionApi>('pra-team.pra');
        assert.ok(extension, 'the extension is not installed');
        api = await waitFor('the extension to activate', () => extension.isActive && extension.exports, 60_000);
        folder = mkdtempSync(join(tmpdir(), 'pra-export-command-'));
    });

    suiteTeardown(() => rmSync(folder, { recursive: true, force: true }));

    for (const format of ['docx', 'pdf'] as const) {
        test(`Word and PDF: ${format} written from the editor, nothing opened by itself`, async () => {
            const plan = exampleUri('cabinet-martin/plan.pra');
            await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(plan));
            const before = tabLabels();
            const target = join(folder, `cabinet-martin.${format}`);
            const prompts = new ScriptedExport(format, target);
            const written = await api.exportPlan(plan, prompts);
            assert.equal(written, target);
            const bytes = readFileSync(target);
            assert.equal(bytes.subarray(0, format === 'pdf' ? 4 : 2).toString('latin1'), format === 'pdf' ? '%PDF' : 'PK');
            if (format === 'docx') {
                // The dependency diagram and the scenario charts are pictures (resvg, native or WebAssembly), not a legend alone.
                const isPicture = (f: { name: string }) => f.name.startsWith('word/media/') && f.name.endsWith('.png');
                const pictures = Object.keys(unzipSync(bytes, { filter: isPicture }));
                assert.ok(pictures.length >= 2, `Word's pictures: ${pictures.join(', ') || 'none'}`);
            }
            assert.equal(prompts.asked.length, 0, 'a plan without errors is not questioned');
            assert.equal(prompts.told.length, 1);
            assert.ok(prompts.told[0].message.includes(`cabinet-martin.${format}`), prompts.told[0].message);
            // In a browser-hosted editor (code-server) a Word or PDF file can only be revealed; on the desktop, opened or revealed.
            const web = vscode.env.uiKind === vscode.UIKind.Web;
            const offered = web ? [vscode.l10n.t('Reveal')] : [vscode.l10n.t('Open'), vscode.l10n.t('Reveal')];
            assert.deepEqual(prompts.told[0].choices, offered);
            assert.deepEqual(tabLabels(), before, 'no editor, preview or webview opened by itself');
        });
    }

    test('a French plan with errors is refused with its error count, and the draft it offers is marked BROUILLON', async () => {
        const plan = exampleUri('atelier-bois/plan.pra');
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(plan));
        const target = join(folder, 'atelier-bois.docx');
        // Declined: nothing is written.
        const declined = new ScriptedExport('docx', target, () => undefined);
        assert.equal(await api.exportPlan(plan, declined), undefined);
        assert.ok(!existsSync(target), 'nothing written when the draft is declined');
        const draft = vscode.l10n.t('Export a draft');
        assert.deepEqual(declined.asked.map(q => q.choices), [[draft]]);
        assert.equal(declined.asked[0].message, vscode.l10n.t(
            'The plan still has {0} errors. Correct them (see the Problems panel), or export a draft marked DRAFT on every page.',
            2
        ));
        // Accepted: the draft is written, said to be one, and every page of it says so in the plan's language.
        const accepted = new ScriptedExport('docx', target, choices => choices.find(c => c === draft));
        assert.equal(await api.exportPlan(plan, accepted), target);
        const told = vscode.l10n.t('{0} written, marked as a draft: the plan still has errors.', 'atelier-bois.docx');
        assert.equal(accepted.told[0].message, told);
        const text = wordText(target);
        assert.ok(text.includes('BROUILLON'), 'the draft is marked BROUILLON');
        assert.ok(text.includes('le plan comporte encore 2 erreurs'), 'the cover counts the errors, in French');
    });
});
