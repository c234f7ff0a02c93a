import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import { praCodes } from '../packages/language/src/pra-codes.js';
import { codeOf } from '../packages/language/src/pra-check-report.js';
import { createNodePraServices, loadPlanDocuments } from '../packages/language/src/node.js';

/**
 * The bundled examples, checked as `pra check --today 2026-12-01` would: "today" is pinned so that
 * `outdated-plan` and `expired-acceptance` do not depend on the day the tests run.
 */
const today = '2026-12-01';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Finding { file: string; line: number; code: string; message: string; accepted: boolean }

async function findingsOf(...files: string[]): Promise<Finding[]> {
    const services = createNodePraServices();
    services.PraSettings.today = today;
    const { all } = await loadPlanDocuments(services, files.map(f => path.join(root, f)));
    return all.flatMap((document: LangiumDocument) => (document.diagnostics ?? []).map(d => ({
        file: path.relative(root, document.uri.fsPath),
        line: d.range.start.line + 1,
        code: codeOf(d),
        message: typeof d.message === 'string' ? d.message : d.message.value,
        accepted: (d.data as { accepted?: unknown } | undefined)?.accepted !== undefined
    })));
}

/**
 * The `// gap: <code>` annotations of a file, as `line code` strings: a finding of that code is
 * reported on that line. Several codes on one line: `// gap: <code>, <code>`.
 */
function annotations(file: string): string[] {
    const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
    return lines.flatMap((text, index) => {
        const match = /\/\/\s*gap:\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)/.exec(text);
        return match ? match[1].split(',').map(code => `${index + 1} ${code.trim()}`) : [];
    });
}

const open = (findings: Finding[]): string[] => findings.filter(f => !f.accepted).map(f => `${f.line} ${f.code}`).sort();

describe('the examples (today pinned to 2026-12-01)', () => {
    it('cabinet-martin has no finding but the ones its management accepted', async () => {
        const findings = await findingsOf('examples/cabinet-martin/plan.pra');
        expect(findings.filter(f => !f.accepted).map(f => `${f.file}:${f.line} ${f.code} ${f.message}`)).toEqual([]);
        const accepted = findings.filter(f => f.accepted);
        expect(accepted.map(f => f.code)).toEqual(['risk-exceeds-mtpd']);
        expect(accepted[0].message).toMatch(/^Accepté par Associée-Gérante jusqu'au 2027-11-30 : /);
    });

    it('cabinet-martin carries no gap annotation', () => {
        expect(annotations('examples/cabinet-martin/plan.pra')).toEqual([]);
        expect(annotations('examples/cabinet-martin/inventaire.pra')).toEqual([]);
    });

    for (const example of ['examples/clinique-vet/plan.pra', 'examples/atelier-bois/plan.pra']) {
        it(`${example}: each finding is announced by a // gap: comment on its line, and each comment is true`, async () => {
            const expected = annotations(example);
            expect(expected.length).toBeGreaterThan(5);
            for (const entry of expected) expect(praCodes).toContain(entry.split(' ')[1]);
            const findings = await findingsOf(example);
            expect(new Set(findings.map(f => f.file))).toEqual(new Set([example]));
            expect(open(findings)).toEqual([...expected].sort());
        });
    }

    it('atelier-bois accepts one finding, with its reason, role and date', async () => {
        const accepted = (await findingsOf('examples/atelier-bois/plan.pra')).filter(f => f.accepted);
        expect(accepted.map(f => f.code)).toEqual(['unquantified-fallback']);
        expect(accepted[0].message).toMatch(/^Accepté par Resp-Informatique jusqu'au 2027-06-30 : /);
    });
});
