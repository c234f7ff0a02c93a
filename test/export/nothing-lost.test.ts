import { URI } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import { exportDocument } from '../../packages/language/src/export/pra-export.js';
import { escapeHtml } from '../../packages/language/src/export/render-html.js';
import { escapeMarkdown } from '../../packages/language/src/export/render-markdown.js';
import { documentFindings } from '../../packages/language/src/pra-check-report.js';
import type { PlanAnalysis } from '../../packages/language/src/pra-analysis.js';
import { docxText, examplePlans, exportText, jsonStrings, loadPlan, pdfText, xmlText, type LoadedPlan } from './export-helpers.js';

/** What the document must never lose: every text the plan states that a reader needs. */
function expectedTexts(plan: LoadedPlan, analysis: PlanAnalysis): string[] {
    const model = analysis.model;
    const named = [model.roles, model.assets, model.activities, model.risks, model.fallbacks, model.procedures, model.exercises]
        .flatMap(list => list.flatMap(e => [e.name, ...(e.title ? [e.title] : [])]));
    const contacts = model.roles.flatMap(r => [r.holder, r.phone, r.email].filter((s): s is string => s !== undefined));
    const findings = model.uris.flatMap(uri => {
        const document = plan.services.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!;
        return documentFindings(document).flatMap(f => [f.code, f.message]);
    });
    return [...named, ...contacts, ...model.exceptions, ...findings];
}

/** For each risk with a score: its name and the score, as the register shows them. */
function scores(analysis: PlanAnalysis): Array<{ name: string; score: number; residual?: number }> {
    return [...analysis.risks.values()].filter(r => r.score !== undefined)
        .map(r => ({ name: r.name, score: r.score!, residual: r.residualScore }));
}

describe.each(examplePlans)('nothing is lost from %s', file => {
    let plan: LoadedPlan;
    let analysis: PlanAnalysis;
    let expected: string[];
    beforeAll(async () => {
        plan = await loadPlan(file);
        analysis = plan.services.analysis.PraAnalysisService.forDocument(plan.document).analysis;
        expected = expectedTexts(plan, analysis);
    });

    test('the plan has something to lose', () => {
        expect(expected.length).toBeGreaterThan(100);
        expect(scores(analysis).length).toBeGreaterThan(3);
        expect(analysis.model.exceptions.length).toBeGreaterThan(0);
    });

    test('HTML', async () => {
        const html = await exportText(plan, 'html');
        expect(expected.filter(s => !html.includes(escapeHtml(s)))).toEqual([]);
        const register = html.slice(html.indexOf('data-table="risks"'));
        const rows = register.slice(0, register.indexOf('</table>')).split('<tr>');
        for (const { name, score, residual } of scores(analysis)) {
            const row = rows.find(r => r.startsWith(`<td>${escapeHtml(name)}</td>`));
            expect(row, name).toContain(`>${score}</td>`);
            if (residual !== undefined) expect(row, name).toContain(`>${residual}</td>`);
        }
    });

    test('Markdown', async () => {
        const md = await exportText(plan, 'md');
        expect(expected.filter(s => !md.includes(escapeMarkdown(s)))).toEqual([]);
        for (const { name, score } of scores(analysis)) {
            const row = md.split('\n').find(line => line.startsWith(`| ${escapeMarkdown(name)} | `) && line.split(' | ').length > 10);
            expect(row, name).toContain(` | ${score} | `);
        }
    });

    test('JSON', async () => {
        const json = JSON.parse(await exportText(plan, 'json'));
        const strings = jsonStrings(json);
        expect(expected.filter(s => !strings.some(t => t.includes(s)))).toEqual([]);
        const register = findTable(json, 'risks');
        for (const { name, score, residual } of scores(analysis)) {
            const row = register.rows.find((r: { name: string }) => r.name === name);
            expect(row.score.value, name).toBe(score);
            if (residual !== undefined) expect(row.residualScore.value, name).toBe(residual);
        }
    });

    test('Word', async () => {
        const result = await exportDocument(plan.services, plan.document, { format: 'docx', force: true });
        const { text, xml } = await docxText(result.content);
        expect(expected.filter(s => !text.includes(s))).toEqual([]);
        // The annex register: a table row or, when the table is too wide for the page, a card per risk.
        const tables = xml.split('<w:tbl>').map(xmlText);
        for (const { name, score } of scores(analysis)) {
            const title = analysis.data.risks.get(name)?.title;
            const row = tables.flatMap(t => t.split('\n\n')).find(r => r.startsWith(`${name}\n`) && r.split('\n').length > 10)
                ?? tables.find(t => t.startsWith(title ? `${title} (${name})` : `${name}\n`));
            expect(row, name).toContain(`\n${score}\n`);
        }
    });

    test('PDF', async () => {
        const result = await exportDocument(plan.services, plan.document, { format: 'pdf', force: true });
        const text = await pdfText(result.content);
        // A cell may wrap after a hyphen: "Test-" at the end of a line, "Restauration-2026" on the next.
        const flat = text.replace(/-\s+/g, '-').replace(/\s+/g, ' ');
        // Roboto has no arrow: the PDF writes "›" where a message chains elements with "→".
        expect(expected.filter(s => !flat.includes(s.replace(/\s+/g, ' ').replace(/→/g, '›')))).toEqual([]);
    }, 60_000);
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function findTable(value: any, id: string): any {
    if (value && typeof value === 'object') {
        if (value.type === 'table' && value.id === id) return value;
        for (const child of Object.values(value)) {
            const found = findTable(child, id);
            if (found) return found;
        }
    }
    return undefined;
}
