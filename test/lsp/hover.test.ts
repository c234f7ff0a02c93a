import { describe, expect, test } from 'vitest';
import type { InlayHint } from 'vscode-languageserver-types';
import { buildFiles, createTestServices } from '../helpers.js';
import { cursor } from './lsp-helpers.js';

const plan = (language: 'fr' | 'en') => `plan "P" { language ${language} date 2026-06-01 owner DSI }
role DSI "IT manager" { holder "Paul Martin" phone "+33 6 12" email "p@x.example" deputy DAF }
role DAF "Finance" { phone "2" }
asset Net "Internet" { kind internet }
asset ERP "Sales software" { kind saas depends on Net owner DSI }
activity Billing "Invoicing" {
    owner DAF
    criticality critical
    rto 4h
    rpo 1h
    mtpd 3d
    uses ERP
}
fallback Backup "Offsite backup" { type backup covers ERP, Net rto 2d rpo 1d tested 2026-05-01 offsite owner DSI }
risk Ransom "Ransomware" { likelihood 3 impact 4 targets ERP mitigated by Backup residual likelihood 2 impact 3 owner DSI }
`;

async function hover(marked: string): Promise<string> {
    const { text, offset } = cursor(marked);
    const services = createTestServices();
    const document = (await buildFiles(services, { 'plan.pra': text }))['plan.pra'];
    const result = await services.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset)
    });
    return result ? (result.contents as { value: string }).value : '';
}
const at = (language: 'fr' | 'en', before: string, after = before): string => plan(language).replace(before, after);

describe('hover', () => {
    test('an activity: requirements beside what the plan achieves, and its gaps', async () => {
        const text = await hover(at('en', 'activity Billing', 'activity <|>Billing'));
        expect(text).toContain('**activity Billing** — Invoicing');
        expect(text).toContain('| RTO | 4 h | 48 h (assets, slowest via Backup) |');
        expect(text).toContain('| RPO | 1 h | 24 h (assets, slowest via Backup) |');
        expect(text).toContain('| MTPD | 72 h | |');
        expect(text).toContain('ERP: rto 48 h (Backup), rpo 24 h (Backup)');
        expect(text).toContain('Net: rto 48 h (Backup), rpo holds no data');
        expect(text).toContain('Direct path: none');
        expect(text).toContain('Asset path: RTO 48 h, RPO 24 h');
        expect(text).toMatch(/Open gaps: Billing requires RTO 4 h, but/);
    });

    test('an activity hovered from a reference, in French', async () => {
        const text = await hover(`${plan('fr')}procedure Catch { for Bill<|>ing }`);
        expect(text).toContain('**activité Billing**');
        expect(text).toContain('| DMIA (RTO) | 4 h | 48 h (ressources, la plus lente via Backup) |');
        expect(text).toContain('Criticité : critique');
    });

    test('an asset: who depends on it and what covers it', async () => {
        const text = await hover(at('en', 'uses ERP', 'uses E<|>RP'));
        expect(text).toContain('Activities that use it: Billing');
        expect(text).toContain('Covered by: Backup');
        expect(text).toContain('Best recovery: rto 48 h (Backup), rpo 24 h (Backup)');
        expect(text).toContain('Threatened by: Ransom');
        const net = await hover(at('en', 'asset Net', 'asset N<|>et'));
        expect(net).toContain('Needed through depends on (most critical activity needing it: critical).');
        expect(net).toContain('Holds no data: never bounds an RPO.');
        expect(await hover(at('en', 'asset ERP', 'asset E<|>RP'))).not.toContain('Holds no data');
    });

    test('a risk: score, zone and scale labels, inherent and residual', async () => {
        const en = await hover(at('en', 'risk Ransom', 'risk Ran<|>som'));
        expect(en).toContain('Score: 3 (Very likely) × 4 (Critical) = **12** · unacceptable');
        expect(en).toContain('Residual: 2 (Likely) × 3 (Serious) = **6** · tolerable');
        const fr = await hover(at('fr', 'risk Ransom', 'risk Ran<|>som'));
        expect(fr).toContain('Score : 3 (Très vraisemblable) × 4 (Critique) = **12** · élevé');
        expect(fr).toContain('Résiduel : 2 (Vraisemblable) × 3 (Grave) = **6** · moyen');
    });

    test('a role: contact details and responsibilities', async () => {
        const text = await hover(at('en', 'role DSI', 'role D<|>SI'));
        expect(text).toContain('Holder: Paul Martin · phone: +33 6 12 · email: p@x.example');
        expect(text).toContain('Deputy: DAF');
        expect(text).toMatch(/Responsible for: .*asset: ERP/);
        expect(text).toMatch(/fallback: Backup/);
        expect(text).toMatch(/risk: Ransom/);
    });

    test('a duration in words', async () => {
        expect(await hover(at('en', 'mtpd 3d', 'mtpd 3<|>d'))).toBe('**3d** = 3 days');
        expect(await hover(at('fr', 'rto 4h', 'rto 4<|>h'))).toBe('**4h** = 4 heures');
    });

    test('rto, rpo and mtpd: the definition in the plan language with the French mapping', async () => {
        expect(await hover(at('en', 'rto 4h', 'r<|>to 4h'))).toContain('RTO — Recovery Time Objective** (French: *DMIA');
        expect(await hover(at('fr', 'rto 4h', 'r<|>to 4h'))).toContain('DMIA — durée maximale d\'interruption admissible');
        expect(await hover(at('fr', 'rpo 1h', 'r<|>po 1h'))).toContain('PDMA');
        expect(await hover(at('en', 'rpo 1h', 'r<|>po 1h'))).toContain('(French: *PDMA');
        expect(await hover(at('en', 'mtpd 3d', 'mt<|>pd 3d'))).toContain('durée maximale d\'interruption supportable');
        expect(await hover(at('fr', 'mtpd 3d', 'mt<|>pd 3d'))).toContain('Durée maximale d\'interruption supportable');
    });
});

describe('inlay hints', () => {
    async function hints(text: string): Promise<string[]> {
        const services = createTestServices();
        const document = (await buildFiles(services, { 'plan.pra': text }))['plan.pra'];
        const result: InlayHint[] = await services.lsp.InlayHintProvider!.getInlayHints(document, {
            textDocument: { uri: document.uri.toString() },
            range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) }
        }) ?? [];
        return result.map(h => `${h.position.line}:${h.position.character} ${String(h.label)}`);
    }

    test('score and zone after a risk impact and its residual; best recovery after an activity rto', async () => {
        const text = plan('en');
        const lines = text.split('\n');
        const riskLine = lines.findIndex(l => l.startsWith('risk'));
        const rtoLine = lines.findIndex(l => l.includes('rto 4h'));
        const found = await hints(text);
        expect(found).toContain(`${riskLine}:${lines[riskLine].indexOf('impact 4') + 8} = 12 · unacceptable`);
        expect(found).toContain(`${riskLine}:${lines[riskLine].indexOf('impact 3') + 8} = 6 · tolerable`);
        expect(found).toContain(`${rtoLine}:10 48 h via assets (Backup)`);
        expect(found).toContain(`${rtoLine + 1}:10 24 h via assets (Backup)`);
        expect(await hints(plan('fr'))).toContain(`${riskLine}:${lines[riskLine].indexOf('impact 4') + 8} = 12 · élevé`);
    });

    test('no recovery hint when nothing covers the activity', async () => {
        expect(await hints('activity A { rto 4h }')).toEqual([]);
    });
});
