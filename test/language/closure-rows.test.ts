import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { planFindings, type Finding } from '../../packages/language/src/checks/index.js';
import { analyzePlan } from '../../packages/language/src/pra-analysis.js';
import { buildPlanModel } from '../../packages/language/src/pra-model-builder.js';
import { RecoveryGraph } from '../../packages/language/src/pra-recovery.js';
import { ast } from '../../packages/language/src/index.js';
import { buildFiles, createTestServices } from '../helpers.js';
// @ts-expect-error the bench's plain ES module generator (no type declarations)
import { generatePlan } from '../../bench/generate-plan.mjs';

/**
 * The checks that name and count assets (self-dependent-fallback, uncovered-dependency, rto-gap,
 * rpo-gap, sla-gap, exercise-programme, common-mode-mitigation, ineffective-mitigation) count with
 * closure rows (RecoveryGraph.assetBits) and walk only to name the first few; without rows (an
 * inventory past `closureRowsLimit`) they walk every closure as before. Both must give the very
 * same findings: same elements, same messages (names, counts, chains), same related elements.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const defaultLimit = RecoveryGraph.closureRowsLimit;
afterEach(() => { RecoveryGraph.closureRowsLimit = defaultLimit; });

async function findingsBothWays(files: Record<string, string>, lang: 'fr' | 'en'): Promise<{ rows: Finding[]; walks: Finding[] }> {
    const built = await buildFiles(createTestServices(lang), files);
    const documents = Object.values(built).filter(d => ast.isPraFile(d.parseResult.value));
    const analysis = () => analyzePlan(buildPlanModel(documents[0].uri.toString(),
        documents.map(d => ({ uri: d.uri.toString(), root: d.parseResult.value as ast.PraFile }))), '2026-12-01');
    const rows = planFindings({ analysis: analysis(), lang, today: '2026-12-01' });
    RecoveryGraph.closureRowsLimit = 0;
    const walks = planFindings({ analysis: analysis(), lang, today: '2026-12-01' });
    RecoveryGraph.closureRowsLimit = defaultLimit;
    return { rows, walks };
}

const countsOf = (findings: readonly Finding[]): Record<string, number> => {
    const counts: Record<string, number> = {};
    for (const f of findings) counts[f.code] = (counts[f.code] ?? 0) + 1;
    return counts;
};

/**
 * A generated plan made to fire every check concerned: one fallback in three loses the assets it
 * covers (assets then uncovered, fallbacks self-dependent through what their activity needs), and
 * failovers become sites (the chain shown then goes to a facility when one is in question).
 */
function variant(text: string): string {
    let fallback = 0;
    return text
        .replace(/^ {4}covers (.*)$/gm, (line, list: string) => fallback++ % 3 !== 1 ? line
            : `    covers ${list.split(', ').filter(name => !name.startsWith('Actif-')).join(', ') || list}`)
        .replace(/^ {4}type failover$/gm, '    type site');
}

const gen = generatePlan as (o: { activities: number; dense?: boolean }) => { text: string };

describe('closure rows give the findings of full walks', () => {
    const touched = ['self-dependent-fallback', 'rto-gap', 'rpo-gap', 'sla-gap', 'exercise-programme',
        'common-mode-mitigation', 'ineffective-mitigation', 'risk-exceeds-mtpd'];

    for (const [name, text] of [
        ['dense, 600 activities', gen({ activities: 600, dense: true }).text],
        ['bench shape, 600 activities', gen({ activities: 600 }).text],
        ['dense variant, 600 activities', variant(gen({ activities: 600, dense: true }).text)],
        ['bench-shape variant, 600 activities', variant(gen({ activities: 600 }).text)]
    ] as const) {
        it(`on a generated plan (${name})`, async () => {
            const { rows, walks } = await findingsBothWays({ 'plan.pra': text }, 'fr');
            expect(rows).toEqual(walks);
            const counts = countsOf(rows);
            for (const code of touched) expect(counts[code], `${code} in ${JSON.stringify(counts)}`).toBeGreaterThan(0);
            if (name.includes('variant')) expect(counts['uncovered-dependency']).toBeGreaterThan(0);
            // Messages that name five and count the rest are part of what is compared.
            expect(rows.some(f => f.code === 'self-dependent-fallback' && / et \d+ autres?/.test(f.message))).toBe(name.startsWith('dense'));
        }, 120_000);
    }

    it('on a dense variant, in English', async () => {
        const { rows, walks } = await findingsBothWays({ 'plan.pra': variant(gen({ activities: 300, dense: true }).text) }, 'en');
        expect(rows).toEqual(walks);
        expect(rows.some(f => f.code === 'self-dependent-fallback' && f.message.includes(' → '))).toBe(true);
    }, 120_000);

    for (const example of readdirSync(path.join(root, 'examples'))) {
        it(`on the example ${example}`, async () => {
            const folder = path.join(root, 'examples', example);
            // plan.pra first: the plan whose context the other files are judged in.
            const names = readdirSync(folder).filter(f => f.endsWith('.pra'))
                .sort((a, b) => (a === 'plan.pra' ? -1 : b === 'plan.pra' ? 1 : a.localeCompare(b)));
            const files = Object.fromEntries(names.map(f => [f, readFileSync(path.join(folder, f), 'utf8')]));
            const { rows, walks } = await findingsBothWays(files, 'fr');
            expect(rows).toEqual(walks);
            expect(rows.length).toBeGreaterThan(0);
        }, 60_000);
    }
});

describe('forActivitiesNeedingEachAsRows', () => {
    it('gives, per set, the activities forActivitiesNeedingEach gives, in more than one batch of sets', async () => {
        const text = gen({ activities: 2_030, dense: true }).text;
        const document = (await buildFiles(createTestServices('fr'), { 'plan.pra': text }))['plan.pra'];
        const uri = document.uri.toString();
        const model = buildPlanModel(uri, [{ uri, root: document.parseResult.value as ast.PraFile }]);
        const { recovery } = analyzePlan(model, '2026-12-01');
        // 1,100 sets (two batches of 1,024): each asset alone, then pairs, and one unknown name.
        const names = model.assets.map(a => a.name);
        const sets = Array.from({ length: 1_100 }, (_, s) => s < names.length ? [names[s]]
            : s === 1_099 ? ['Nothing'] : [names[(s * 7) % names.length], names[(s * 13) % names.length]]);
        const expected: number[][] = sets.map(() => []);
        const index = new Map(model.activities.map((a, i) => [a, i]));
        recovery.forActivitiesNeedingEach(sets, (set, activity) => expected[set].push(index.get(activity)!));
        const rows: number[][] = [];
        recovery.forActivitiesNeedingEachAsRows(sets, (set, row) => {
            const found: number[] = [];
            for (let i = 0; i < model.activities.length; i++) if ((row[i >>> 5] & (1 << (i & 31))) !== 0) found.push(i);
            rows[set] = found;
        });
        expect(rows).toEqual(expected);
        expect(expected.filter(list => list.length > 0).length).toBeGreaterThan(1_000);
        expect(expected[1_099]).toEqual([]);
    }, 120_000);
});
