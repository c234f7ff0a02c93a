import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { analyzePlan } from '../../packages/language/src/pra-analysis.js';
import { documentFindings } from '../../packages/language/src/pra-check-report.js';
import { buildPlanModel } from '../../packages/language/src/pra-model-builder.js';
import { riskMatrix } from '../../packages/language/src/pra-risk-matrix.js';
import { ast } from '../../packages/language/src/index.js';
import { buildFiles, createTestServices } from '../helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string): string => readFileSync(path.join(root, 'examples', file), 'utf8');

const cabinetMartin = (): Record<string, string> =>
    ({ 'plan.pra': read('cabinet-martin/plan.pra'), 'inventaire.pra': read('cabinet-martin/inventaire.pra') });

/** Each example: the file to mutate and the files it imports, left intact. */
const examples: Array<{ mutated: string; files: Record<string, string> }> = [
    { mutated: 'plan.pra', files: cabinetMartin() },
    { mutated: 'inventaire.pra', files: cabinetMartin() },
    { mutated: 'plan.pra', files: { 'plan.pra': read('clinique-vet/plan.pra') } },
    { mutated: 'plan.pra', files: { 'plan.pra': read('atelier-bois/plan.pra') } }
];

/** Tokens as a user sees them; joined back they give the text unchanged. */
const tokenPattern = /"(?:\\.|[^"\\])*"|\/\/[^\n]*|\/\*[\s\S]*?\*\/|\s+|[0-9]+(?:\.[0-9]+)?[\p{L}]*|[\p{L}_][\p{L}\p{N}_-]*|./gsu;
const tokenize = (text: string): string[] => text.match(tokenPattern) ?? [];

type Mutation =
    | { kind: 'drop'; at: number }
    | { kind: 'duplicate'; at: number }
    | { kind: 'swap'; at: number; with: number }
    | { kind: 'insert'; at: number; text: string }
    | { kind: 'truncate'; at: number };

const position = fc.nat({ max: 1_000_000 });
const noise = fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.constantFrom('{', '}', '"', '/*', '//', ',', '4', '4h', '2026-02-30', 'rto', 'asset', 'depends on', 'é', '\u0000', '\n', '-'));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('drop' as const), at: position }),
    fc.record({ kind: fc.constant('duplicate' as const), at: position }),
    fc.record({ kind: fc.constant('swap' as const), at: position, with: position }),
    fc.record({ kind: fc.constant('insert' as const), at: position, text: noise }),
    fc.record({ kind: fc.constant('truncate' as const), at: position }));

function mutate(text: string, mutations: readonly Mutation[]): string {
    const tokens = tokenize(text);
    for (const m of mutations) {
        if (tokens.length === 0) break;
        const at = m.at % tokens.length;
        switch (m.kind) {
            case 'drop': tokens.splice(at, 1); break;
            case 'duplicate': tokens.splice(at, 0, tokens[at]); break;
            case 'swap': { const other = m.with % tokens.length; [tokens[at], tokens[other]] = [tokens[other], tokens[at]]; break; }
            case 'insert': tokens.splice(at, 0, m.text); break;
            case 'truncate': tokens.length = at; break;
        }
    }
    return tokens.join('');
}

describe('mutated examples', () => {
    let consoleError: ReturnType<typeof vi.spyOn>;
    beforeEach(() => { consoleError = vi.spyOn(console, 'error'); });
    afterEach(() => consoleError.mockRestore());

    it('the tokenizer gives the text back unchanged', () => {
        for (const example of examples) {
            for (const text of Object.values(example.files)) expect(tokenize(text).join('')).toBe(text);
        }
    });

    it('never make parsing, linking, checking or the analysis throw', async () => {
        const services = createTestServices();
        await fc.assert(fc.asyncProperty(
            fc.constantFrom(...examples), fc.array(mutation, { minLength: 1, maxLength: 4 }),
            async (example, mutations) => {
                const files = { ...example.files, [example.mutated]: mutate(example.files[example.mutated], mutations) };
                const built = await buildFiles(services, files);
                for (const document of Object.values(built)) {
                    const findings = documentFindings(document);
                    const crashed = findings.filter(f => f.message.startsWith('An error occurred'));
                    expect(crashed, crashed.map(f => f.message).join('\n')).toEqual([]);
                    const { analysis, lang } = services.analysis.PraAnalysisService.forDocument(document);
                    riskMatrix(analysis, lang);
                }
                const documents = Object.values(built).filter(d => ast.isPraFile(d.parseResult.value));
                analyzePlan(buildPlanModel(documents[0].uri.toString(),
                    documents.map(d => ({ uri: d.uri.toString(), root: d.parseResult.value as ast.PraFile }))), '2026-12-01');
                expect(consoleError).not.toHaveBeenCalled();
            }), { numRuns: 150, seed: 20_260_512 });
    }, 240_000);
});
