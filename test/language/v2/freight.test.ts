import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeOf } from '../../../packages/language/src/pra-check-report.js';
import { buildPlan } from '../../helpers.js';
import { expectCleanText } from './v2-helpers.js';

/**
 * The road-freight company of issue 10 (test/fixtures/freight/plan.pra): version 1 gave 13 warnings
 * of which the consultant judged 10 wrong. Each finding now reported is listed with its line, and
 * each v1 false positive is asserted absent.
 */
const text = readFileSync(path.join(__dirname, '../../fixtures/freight/plan.pra'), 'utf8');
const lineOf = (fragment: string): number => text.split('\n').findIndex(line => line.includes(fragment)) + 1;

async function findings(): Promise<Array<{ code: string; line: number; message: string }>> {
    const document = await buildPlan(text, { lang: 'en', today: '2026-12-01' });
    expectCleanText(document);
    return (document.diagnostics ?? []).map(d => ({ code: codeOf(d), line: d.range.start.line + 1, message: String(d.message) }));
}

describe('the freight company, as the consultant wrote it', () => {
    it('reports exactly the findings an auditor would raise', async () => {
        const found = (await findings()).map(f => `${f.line} ${f.code}`).sort();
        expect(found).toEqual([
            // On the `type backup` of the only backup, no longer on the plan title.
            `${lineOf('type backup covers ERP')} no-offline-backup`,
            `${lineOf('activity Planification')} exercise-programme`,
            `${lineOf('activity Expedition')} exercise-programme`,
            `${lineOf('uses Facturation-SaaS')} uncovered-dependency`,
            `${lineOf('rto 1d rpo 4h mtpd 5d')} sla-gap`,
            `${lineOf('fallback SauvegardeNAS')} failed-exercise`,
            `${lineOf('fallback SauvegardeNAS')} untested-fallback`,
            `${lineOf('type site covers SiteLyon')} self-dependent-fallback`,
            `${lineOf('fallback AssuranceCyber')} untested-fallback`,
            `${lineOf('category cyber likelihood 3')} risk-exceeds-mtpd`,
            `${lineOf('mitigated by SauvegardeNAS')} common-mode-mitigation`,
            `${lineOf('mitigated by Lien4G')} mitigation-not-in-place`,
            `${lineOf('crisis { meeting')} duplicate-element`,
            `${lineOf('exercise Bascule-2027')} future-exercise`
        ].sort());
    });

    it('no longer reports what version 1 got wrong', async () => {
        const found = await findings();
        const about = (code: string, name: string): boolean => found.some(f => f.code === code && f.message.includes(name));
        // The paper planning within 1 h meets the 4 h RTO: the TMS, Microsoft 365 and the Lyon site are not gaps.
        expect(about('rto-gap', 'Planification')).toBe(false);
        expect(about('sla-gap', 'Planification')).toBe(false);
        // One backup behind two assets gives no finding per asset; printers and switches hold no data.
        expect(found.filter(f => f.code === 'rpo-gap')).toEqual([]);
        // The rejected second fibre is neither counted nor silent: it is named as not in place.
        expect(found.find(f => f.code === 'mitigation-not-in-place')?.message).toContain('SecondeFibre (rejected)');
        // The site failover through the VPN and the firewall depends on the site it replaces.
        expect(found.find(f => f.code === 'self-dependent-fallback')?.message).toContain('Bascule-Vienne → VPN → Pare-Feu → SiteLyon');
    });
});
