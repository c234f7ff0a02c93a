import { describe, expect, test } from 'vitest';
import { exportDocument } from '../../packages/language/src/export/pra-export.js';
import { docxText, exportText, loadPlan } from './export-helpers.js';

/** Every figure of the JSON document by path: numbers and ISO dates, never words. */
function figures(value: unknown, at = '$', into: Record<string, unknown> = {}): Record<string, unknown> {
    if (typeof value === 'number') into[at] = value;
    else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) into[at] = value;
    else if (Array.isArray(value)) value.forEach((v, i) => figures(v, `${at}[${i}]`, into));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) figures(v, `${at}.${k}`, into);
    return into;
}

function headings(json: { sections: Array<{ title: string }> }): string[] {
    return json.sections.map(s => s.title);
}

describe.each(['examples/cabinet-martin/plan.pra', 'examples/clinique-vet/plan.pra'])('%s in French and in English', file => {
    test('the fixed texts differ and the figures agree', async () => {
        const fr = JSON.parse(await exportText(await loadPlan(file, 'fr'), 'json', 'fr'));
        const en = JSON.parse(await exportText(await loadPlan(file, 'en'), 'json', 'en'));
        expect(fr.lang).toBe('fr');
        expect(en.lang).toBe('en');
        const frHeadings = headings(fr);
        const enHeadings = headings(en);
        expect(frHeadings).toHaveLength(17);
        frHeadings.forEach((title, i) => expect(title).not.toBe(enHeadings[i]));
        const frFigures = figures(fr);
        expect(Object.keys(frFigures).length).toBeGreaterThan(200);
        expect(frFigures).toEqual(figures(en));
    });

    test('dates and durations are written for the language', async () => {
        const fr = await exportText(await loadPlan(file, 'fr'), 'md', 'fr');
        const en = await exportText(await loadPlan(file, 'en'), 'md', 'en');
        expect(fr).toMatch(/\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) 20\d\d/);
        expect(en).toMatch(/\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) 20\d\d/);
        // One duration style: minutes below an hour, hours below 72 hours, days above, in words of the language.
        expect(fr).toMatch(/\| \d+(,\d)? jours \|/);
        expect(en).toMatch(/\| \d+(\.\d)? days \|/);
        for (const text of [fr, en]) {
            expect(text).not.toMatch(/\b(7[2-9]|[89]\d|\d{3,}) h\b/);
            expect(text).not.toMatch(/\b([6-9]\d|\d{3,}) min\b/);
        }
    });

    test('the Word documents differ in fixed text only', async () => {
        const texts = await Promise.all((['fr', 'en'] as const).map(async lang => {
            const plan = await loadPlan(file, lang);
            return (await docxText((await exportDocument(plan.services, plan.document,
                { format: 'docx', lang, force: true })).content)).text;
        }));
        expect(texts[0]).toContain('Sommaire');
        expect(texts[1]).toContain('Contents');
        expect(texts[0]).not.toContain('Risk register');
        const numbers = (text: string): string[] => (text.match(/\b\d+\b/g) ?? []).sort();
        expect(numbers(texts[0]).length).toBeGreaterThan(100);
        expect(numbers(texts[0])).toEqual(numbers(texts[1]));
    });
});

test('the plan language is the default and --lang overrides it', async () => {
    const plan = await loadPlan('examples/cabinet-martin/plan.pra');
    expect(JSON.parse(await exportText(plan, 'json')).lang).toBe('fr');
    expect(JSON.parse(await exportText(plan, 'json', 'en')).lang).toBe('en');
    const english = await loadPlan('examples/clinique-vet/plan.pra');
    expect(JSON.parse(await exportText(english, 'json')).lang).toBe('en');
});
