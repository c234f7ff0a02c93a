import { URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { planFindings } from '../../packages/language/src/checks/index.js';
import { isPraFile } from '../../packages/language/src/generated/ast.js';
import { analyzePlan, type PlanAnalysis } from '../../packages/language/src/pra-analysis.js';
import { buildPlanModel } from '../../packages/language/src/pra-model-builder.js';
import type { PraServices } from '../../packages/language/src/pra-module.js';
import { createTestServices } from '../helpers.js';
import { random } from './incremental-helpers.js';
// @ts-expect-error the bench generator is plain JavaScript
import { generateDepartments } from '../../bench/generate-plan.mjs';

/**
 * Issue 16: the analysis the server keeps across builds — the recovery graph's part of the assets
 * and fallbacks (RecoveryBase) shared by the plans and builds with the same element objects, the
 * inventory's name maps, the fallbacks' test records — equals an analysis from scratch of the same
 * model (`analyzePlan` without a cache), after each of many seeded edits of an inventory and the
 * department plans importing it; and each file's plan findings, computed for the judged files only,
 * equal the findings of the whole plan placed in that file. The split itself is proven against the
 * contract by the analysis and check tests (test/language); this proves the reuse exact.
 */
const TODAY = '2026-12-01';
const EDITS = 400;

const ASSETS = 24;
const FALLBACKS = 20;
const ACTIVITIES = 10;
const DEPARTMENTS = 3;

/** One element per line, so that a line can be replaced by another version of the same element. */
function elementLine(kind: string, i: number, next: () => number, department = 0): string {
    const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)];
    const some = (max: number, name: () => string): string[] => {
        const names = new Set<string>();
        for (let k = Math.floor(next() * (max + 1)); k > 0; k--) names.add(name());
        return [...names];
    };
    const asset = (): string => `A${Math.floor(next() * ASSETS)}`;
    const fallback = (): string => `F${Math.floor(next() * FALLBACKS)}`;
    const activity = (): string => `D${department}x${Math.floor(next() * ACTIVITIES)}`;
    const hours = (max: number): string => `${1 + Math.floor(next() * max)}h`;
    const opt = (p: number, text: () => string): string => next() < p ? text() : '';
    switch (kind) {
        case 'asset': {
            const deps = some(2, asset);
            return `asset A${i} { kind ${pick(['application', 'data', 'server', 'network', 'site'])}`
                + `${deps.length ? ` depends on ${deps.join(', ')}` : ''}`
                + `${opt(0.2, () => ' stateless')}${opt(0.3, () => ` sla ${hours(20)}`)} }`;
        }
        case 'fallback': {
            const covers = some(2, asset);
            const deps = some(2, () => next() < 0.5 ? asset() : fallback());
            return `fallback F${i} { covers ${(covers.length ? covers : [`A${i % ASSETS}`]).join(', ')}`
                + `${opt(0.7, () => ` rto ${hours(24)}`)}${opt(0.5, () => ` rpo ${hours(24)}`)}`
                + `${deps.length ? ` depends on ${deps.join(', ')}` : ''}`
                + `${opt(0.25, () => ` status ${pick(['planned', 'option', 'rejected'])}`)}`
                + `${opt(0.3, () => ` tested 2026-0${1 + Math.floor(next() * 9)}-01`)}`
                + `${opt(0.2, () => ` cost ${1 + Math.floor(next() * 900)} EUR per ${pick(['year', 'month'])}`)} }`;
        }
        case 'risk':
            return `risk K${i} { likelihood ${1 + Math.floor(next() * 4)} impact ${1 + Math.floor(next() * 4)} downtime ${hours(48)}`
                + ` targets ${[...new Set([...some(3, asset), `A${i}`])].join(', ')}`
                + `${opt(0.6, () => ` mitigated by ${[...new Set([...some(2, fallback), 'F0'])].join(', ')}`)} }`;
        case 'activity': {
            const uses = some(3, asset);
            const needs = some(2, activity);
            return `activity D${department}x${i} { criticality ${pick(['critical', 'high', 'medium', 'low'])}`
                + ` rto ${hours(24)} rpo ${hours(24)}`
                + ` mtpd ${hours(72)}${uses.length ? ` uses ${uses.join(', ')}` : ''}${needs.length ? ` needs ${needs.join(', ')}` : ''}`
                + `${opt(0.2, () => ` manual "by hand" within ${hours(10)}`)} }`;
        }
        case 'own':
            return `fallback G${department}x${i} { covers ${activity()} rto ${hours(9)} }`;
        default:
            return `exercise E${department}x${i} { date 2026-${String(1 + Math.floor(next() * 11)).padStart(2, '0')}-10`
                + ` type ${pick(['functional', 'full-scale', 'tabletop'])} tests ${fallback()}`
                + ` result ${pick(['passed', 'passed', 'failed'])} }`;
    }
}

function layout(next: () => number): Record<string, string> {
    const lines = (kind: string, count: number, department?: number): string[] =>
        Array.from({ length: count }, (_, i) => elementLine(kind, i, next, department));
    const files: Record<string, string> = {
        'inventory.pra': ['role R1 { phone "1" }', ...lines('asset', ASSETS), ...lines('fallback', FALLBACKS), ...lines('risk', 6)]
            .join('\n') + '\n'
    };
    for (let d = 0; d < DEPARTMENTS; d++) {
        files[`dept-${d}.pra`] = ['import "inventory.pra"', `plan "D${d}" { date ${TODAY} }`, ...lines('activity', ACTIVITIES, d),
            // Department 0 declares no fallback: it shares the inventory's recovery base with no one but itself across builds.
            ...(d === 0 ? [] : lines('own', 2, d)), ...lines('exercise', 3, d)].join('\n') + '\n';
    }
    return files;
}

/**
 * Another version of a line (the same element), or a line removed or cut short (the file loses an
 * element or does not parse): those two are undone by the next edit, since Langium relinks every
 * file with a linking error on every change, which reads its part of the model again.
 */
function edit(text: string, next: () => number, department: number): { text: string; undo: boolean } {
    const lines = text.split('\n');
    const at = 1 + Math.floor(next() * (lines.length - 2));
    const match = /^(asset|fallback|risk|activity|exercise) [A-Z](?:\d+x)?(\d+)\b/.exec(lines[at]);
    const kind = next();
    if (match && kind < 0.8) {
        const own = match[1] === 'fallback' && lines[at].startsWith('fallback G');
        lines[at] = elementLine(own ? 'own' : match[1], Number(match[2]), next, department);
        return { text: lines.join('\n'), undo: false };
    }
    if (kind < 0.9) lines.splice(at, 1);
    else lines[at] = lines[at].slice(0, Math.floor(next() * lines[at].length));
    return { text: lines.join('\n'), undo: true };
}

/** Everything an analysis gives, as plain data: figures, and the walks and folds of its recovery graph. */
function dump(analysis: PlanAnalysis): unknown {
    const { recovery, model } = analysis;
    const plain = (map: ReadonlyMap<string, unknown>): unknown[] => [...map];
    const assets = model.assets.map(a => a.name);
    return {
        referenceDate: analysis.referenceDate,
        data: Object.values(analysis.data).map(plain),
        figures: [analysis.assets, analysis.activities, analysis.risks, analysis.fallbacks, analysis.procedures, analysis.roles].map(plain),
        plan: analysis.plan, tests: plain(analysis.tests), cycles: recovery.cycles(),
        activities: model.activities.map(activity => {
            const name = activity.name;
            const data: string[] = [];
            recovery.forEachDataAsset(activity, asset => data.push(asset.name));
            return [analysis.assetsOf(name), analysis.risksOf(name), analysis.meansOf(name), recovery.anyAssetDrilled(name),
                recovery.anyAssetCovered(name), recovery.anyAssetUncovered(name), recovery.longestSla(name),
                recovery.slowest(activity, 'rto'), recovery.slowest(activity, 'rpo'), data,
                recovery.needsAnyOf(name, new Set(assets.slice(0, 4)))];
        }),
        assets: assets.map(name => [recovery.dependantsOf(name), recovery.dataDependantsOf(name),
            recovery.activitiesNeeding([name]).map(a => a.name), recovery.assetReaches(name, new Set(assets.slice(0, 3)))]),
        fallbacks: model.fallbacks.map(f => recovery.chainsFrom(f.name, () => true)),
        needing: (() => {
            const hits: unknown[] = [];
            recovery.forActivitiesNeedingEach(model.risks.map(r => r.targets), (set, activity) => hits.push([set, activity.name]));
            return hits;
        })(),
        // The closure rows (kept by the recovery base) and the walks that read them.
        rows: (() => {
            const bits = (row: Uint32Array | undefined): number[] | undefined => row && [...row];
            const reaches = recovery.reachesMask(recovery.assetMaskWhere((_asset, covering) => covering.length === 0));
            const rows: unknown[] = [];
            recovery.forActivitiesNeedingEachAsRows(model.risks.map(r => r.targets), (set, row) => rows.push([set, [...row]]));
            return {
                activities: model.activities.map(a => [bits(recovery.assetBits('activity', a.name)), bits(recovery.dataAssetBits(a)),
                    (() => {
                        const names: string[] = [];
                        recovery.forEachAssetUntil(a.name, asset => { names.push(asset.name); return names.length >= 2; }, reaches);
                        return names;
                    })()]),
                fallbacks: model.fallbacks.map(f => {
                    const walk = recovery.hitsFrom(f.name, i => i % 2 === 0, hits => hits.length >= 3);
                    return [bits(recovery.assetBits('fallback', f.name)), walk.hits.map(walk.chainTo)];
                }),
                assets: assets.map(name => bits(recovery.assetBits('asset', name))),
                reaches: [...reaches], rows
            };
        })()
    };
}

/** The plan model of `rootUri` read again from the ASTs, with no part kept. */
function modelFromScratch(services: PraServices, rootUri: string) {
    const files = services.references.PraImports.planOrder(rootUri).flatMap(uri => {
        const root = services.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))?.parseResult.value;
        return isPraFile(root) ? [{ uri, root }] : [];
    });
    return buildPlanModel(rootUri, files);
}

describe('the analysis kept across builds equals an analysis from scratch', () => {
    test(`an inventory and department plans: ${EDITS} seeded edits`, async () => {
        const next = random(7);
        const texts = layout(next);
        const services = createTestServices({ today: TODAY });
        const workspace = services.shared.workspace;
        const uriOf = (name: string) => URI.file(`/mem/analysis-cache/${name}`);
        for (const [name, text] of Object.entries(texts)) {
            workspace.LangiumDocuments.addDocument(workspace.LangiumDocumentFactory.fromString(text, uriOf(name)));
        }
        await workspace.DocumentBuilder.build(workspace.LangiumDocuments.all.toArray(), { validation: true });
        const service = services.analysis.PraAnalysisService;
        const names = Object.keys(texts);
        let shared = 0;
        let kept = 0;
        let undo: { name: string; text: string } | undefined;
        for (let step = 1; step <= EDITS; step++) {
            const name = undo?.name ?? (next() < 0.25 ? 'inventory.pra' : names[1 + Math.floor(next() * DEPARTMENTS)]);
            const before = service.forUri(uriOf(name).toString()).analysis;
            if (undo) {
                texts[name] = undo.text;
                undo = undefined;
            } else {
                const edited = edit(texts[name], next, Number(name.slice(5, 6)) || 0);
                if (edited.undo) undo = { name, text: texts[name] };
                texts[name] = edited.text;
            }
            workspace.TextDocuments!.set(TextDocument.create(uriOf(name).toString(), 'pra', step, texts[name]));
            await workspace.DocumentBuilder.update([uriOf(name)], []);
            const analyses = names.map(file => service.forUri(uriOf(file).toString()).analysis);
            for (const [i, file] of names.entries()) {
                const uri = uriOf(file).toString();
                const { analysis, lang } = service.forUri(uri);
                const scratch = analyzePlan(modelFromScratch(services, analysis.model.rootUri), TODAY);
                expect(dump(analysis), `${file} after edit ${step} of ${name}`).toEqual(dump(scratch));
                const whole = planFindings({ analysis: scratch, lang, today: TODAY }).filter(f => f.at.uri === uri);
                expect(service.findingsIn(uri), `findings in ${file} after edit ${step}`).toEqual(whole);
                if (i > 0 && analyses[i].data.assets === analyses[0].data.assets) shared++;
            }
            if (name !== 'inventory.pra' && analyses[names.indexOf(name)].data.fallbacks === before.data.fallbacks) kept++;
        }
        // The reuse happens: plans share the inventory's maps, and an edit of a department keeps them.
        expect(shared).toBeGreaterThan(EDITS);
        expect(kept).toBeGreaterThan(EDITS / 10);
    }, 120_000);

    test('the bench layout: 5 department plans over one inventory share one recovery base', async () => {
        const { files } = generateDepartments({ activities: 50, departments: 5 }) as { files: Array<{ name: string; text: string }> };
        const services = createTestServices({ today: TODAY });
        const workspace = services.shared.workspace;
        const uriOf = (name: string) => URI.file(`/mem/analysis-bench/${name}`);
        for (const { name, text } of files) {
            workspace.LangiumDocuments.addDocument(workspace.LangiumDocumentFactory.fromString(text, uriOf(name)));
        }
        await workspace.DocumentBuilder.build(workspace.LangiumDocuments.all.toArray(), { validation: true });
        const service = services.analysis.PraAnalysisService;
        const analyses = files.map(f => service.forUri(uriOf(f.name).toString()).analysis);
        for (const analysis of analyses) expect(dump(analysis)).toEqual(dump(analyzePlan(analysis.model, TODAY)));
        // dept-01 … dept-04 declare no fallback: the same assets and fallbacks, the same maps.
        expect(new Set(analyses.slice(2).map(a => a.data.fallbacks)).size).toBe(1);
        expect(analyses[2].data.assets).toBe(analyses[0].data.assets);
    }, 60_000);
});
