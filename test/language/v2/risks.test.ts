/**
 * LANGUAGE.md, Version 2 checks about risks: common-mode-mitigation, ineffective-mitigation,
 * mitigation-not-in-place, risk-exceeds-mtpd (table, "precise readings" and "more precise readings").
 * The element of each is the risk; the range is on the risk's name.
 */
import { describe, expect, it } from 'vitest';
import { all, element, mentions, none, one, plan, expectFigure, expectRangeOn } from './v2-helpers.js';

describe('common-mode-mitigation', () => {
    it('fires when a mitigation depends on a target of the risk (a backup on the NAS the ransomware targets)', async () => {
        const document = await plan(`
risk Rancon { category cyber likelihood 3 impact 4 targets Nas mitigated by Sauvegarde }
asset Srv { kind server depends on Nas }
asset Nas { kind data }
fallback Sauvegarde { type backup covers Srv rto 4h rpo 1d depends on Nas }`);
        const diagnostic = one(document, 'common-mode-mitigation', 'warning');
        expect(element(diagnostic)).toBe('Rancon');
        expectRangeOn(document, diagnostic, ['Rancon', 'Sauvegarde']);
        expect(diagnostic.message).toContain('Rancon');
        expect(diagnostic.message).toContain('Sauvegarde');
        expect(diagnostic.message).toContain('Nas');
    });

    it('fires through a chain of depends on (failover → VPN → site targeted)', async () => {
        const document = await plan(`
risk Incendie { category fire likelihood 2 impact 4 targets SiteLyon mitigated by Bascule }
asset SiteLyon { kind site }
asset Vpn { kind network depends on SiteLyon }
activity Quai { uses SiteLyon }
fallback Bascule { type failover covers Quai rto 4h depends on Vpn }`);
        const diagnostic = one(document, 'common-mode-mitigation', 'warning');
        expect(diagnostic.message).toContain('Bascule');
        expect(diagnostic.message).toContain('SiteLyon');
    });

    it('fires through a fallback\'s `depends on` another fallback', async () => {
        const document = await plan(`
risk Rancon { category cyber likelihood 3 impact 4 targets Nas mitigated by Replica }
asset Srv { kind server depends on Nas }
asset Nas { kind data }
fallback Replica { type failover covers Srv rto 1h depends on Snapshots }
fallback Snapshots { type other covers Srv depends on Nas }`);
        const diagnostic = one(document, 'common-mode-mitigation', 'warning');
        expect(diagnostic.message).toContain('Replica');
        expect(diagnostic.message).toContain('Nas');
    });

    it('"more precise readings": not for an offsite or offline backup whose depends on only takes the copies', async () => {
        const document = await plan(`
risk Rancon { category cyber likelihood 3 impact 4 targets Nas mitigated by Externe, Bande }
asset Srv { kind server depends on Nas }
asset Nas { kind data }
fallback Externe { type backup covers Srv rto 4h rpo 1d depends on Nas offsite }
fallback Bande { type backup covers Srv rto 8h rpo 1d depends on Nas offline }`);
        none(document, 'common-mode-mitigation');
    });

    it('"more precise readings": it fires for every other type, even marked offsite', async () => {
        const document = await plan(`
risk Rancon { category cyber likelihood 3 impact 4 targets Nas mitigated by Replica }
asset Srv { kind server depends on Nas }
asset Nas { kind data }
fallback Replica { type failover covers Srv rto 1h depends on Nas offsite }`);
        const diagnostic = one(document, 'common-mode-mitigation', 'warning');
        expect(diagnostic.message).toContain('Replica');
    });

    it('near miss: a mitigation depending on something the risk does not target', async () => {
        const document = await plan(`
risk Rancon { category cyber likelihood 3 impact 4 targets Nas mitigated by Sauvegarde }
asset Srv { kind server depends on Nas }
asset Nas { kind data }
asset Cloud { kind saas }
fallback Sauvegarde { type backup covers Srv rto 4h rpo 1d depends on Cloud }`);
        none(document, 'common-mode-mitigation');
    });
});

describe('ineffective-mitigation', () => {
    it('fires for a mitigation that covers no target, no asset depending on one, and no activity using one', async () => {
        const document = await plan(`
risk Incendie { category fire likelihood 2 impact 4 targets SalleServeur mitigated by Sauvegarde }
asset SalleServeur { kind facility }
asset Poste { kind workstation }
fallback Sauvegarde { type backup covers Poste rto 1d }`);
        const diagnostic = one(document, 'ineffective-mitigation', 'warning');
        expect(element(diagnostic)).toBe('Incendie');
        expectRangeOn(document, diagnostic, ['Incendie', 'Sauvegarde']);
        expect(diagnostic.message).toContain('Incendie');
        expect(diagnostic.message).toContain('Sauvegarde');
    });

    it('near misses: covers a target, an asset depending on a target, an activity using a target; '
        + 'communication, insurance; a risk without targets', async () => {
        const document = await plan(`
asset Erp { kind saas }
asset App { kind application depends on Erp }
activity Ventes { uses Erp }
fallback CoversTarget { covers Erp rto 4h }
fallback CoversDependent { covers App rto 4h }
fallback CoversActivity { covers Ventes rto 4h }
fallback Assurance { type insurance }
fallback Annonce { type communication audience clients }
fallback Ailleurs { covers Autre rto 4h }
asset Autre { }
risk R1 { likelihood 2 impact 2 targets Erp mitigated by CoversTarget }
risk R2 { likelihood 2 impact 2 targets Erp mitigated by CoversDependent }
risk R3 { likelihood 2 impact 2 targets Erp mitigated by CoversActivity }
risk R4 { likelihood 2 impact 2 targets Erp mitigated by Assurance, Annonce }
risk R5 { likelihood 2 impact 2 mitigated by Ailleurs }`);
        none(document, 'ineffective-mitigation');
    });
});

describe('mitigation-not-in-place', () => {
    it('fires for a risk mitigated by an option, a planned or a rejected fallback, naming it', async () => {
        const document = await plan(`
asset Fibre { kind internet }
fallback SecondeFibre { type network covers Fibre rto 1h status option reason "Trop cher" }
fallback Routeur4G { type network covers Fibre rto 1h status planned due 2027-03-31 }
fallback Satellite { type network covers Fibre rto 1h status rejected reason "Latence" }
risk CoupureA { category network likelihood 3 impact 3 targets Fibre mitigated by SecondeFibre }
risk CoupureB { category network likelihood 3 impact 3 targets Fibre mitigated by Routeur4G }
risk CoupureC { category network likelihood 3 impact 3 targets Fibre mitigated by Satellite }`);
        const found = all(document, 'mitigation-not-in-place');
        expect(found.map(element).sort()).toEqual(['CoupureA', 'CoupureB', 'CoupureC']);
        const byRisk = Object.fromEntries(found.map(d => [element(d), d]));
        for (const [risk, fallback] of [['CoupureA', 'SecondeFibre'], ['CoupureB', 'Routeur4G'], ['CoupureC', 'Satellite']]) {
            expect(byRisk[risk].severity).toBe(2);
            expectRangeOn(document, byRisk[risk], [risk, fallback]);
            expect(byRisk[risk].message).toContain(fallback);
        }
    });

    it('near miss: an active fallback (default or explicit status active)', async () => {
        const document = await plan(`
asset Fibre { kind internet }
fallback Routeur4G { type network covers Fibre rto 1h }
fallback Radio { type network covers Fibre rto 1h status active }
risk Coupure { category network likelihood 3 impact 3 targets Fibre mitigated by Routeur4G, Radio }`);
        none(document, 'mitigation-not-in-place');
    });
});

describe('risk-exceeds-mtpd (one finding per risk, judged per activity)', () => {
    const base = (mitigations: string, extra = ''): string => `
risk Incendie { category fire likelihood 2 impact 4 downtime 5d targets SiteLyon mitigated by ${mitigations} }
asset SiteLyon { kind site }
asset App { kind application depends on SiteLyon }
asset Autre { }
activity Quai { rto 4h mtpd 2d uses SiteLyon }
activity Facturation { rto 1d mtpd 3d uses App }
activity Archives { rto 1d mtpd 1w uses SiteLyon }
activity Paie { rto 1h mtpd 1d uses Autre }
fallback Assurance { type insurance }
${extra}`;

    it('one finding naming every activity using a target (through U) whose mtpd the downtime exceeds', async () => {
        const document = await plan(base('Assurance'));
        const diagnostic = one(document, 'risk-exceeds-mtpd', 'warning');
        expect(element(diagnostic)).toBe('Incendie');
        expectRangeOn(document, diagnostic, ['Incendie', '5d']);
        expectFigure(diagnostic.message, '5 d');
        expect(mentions(diagnostic.message, 'Quai')).toBe(true);
        expect(mentions(diagnostic.message, 'Facturation')).toBe(true);
        expect(mentions(diagnostic.message, 'Archives')).toBe(false);
        expect(mentions(diagnostic.message, 'Paie')).toBe(false);
    });

    it('spares an activity an active mitigation covers itself', async () => {
        const document = await plan(base('Assurance, SiteVienne', 'fallback SiteVienne { type site covers Quai rto 1d }'));
        const diagnostic = one(document, 'risk-exceeds-mtpd', 'warning');
        expect(mentions(diagnostic.message, 'Quai')).toBe(false);
        expect(mentions(diagnostic.message, 'Facturation')).toBe(true);
    });

    it('an option covering the activity spares nothing', async () => {
        const document = await plan(base('Assurance, SiteVienne',
            'fallback SiteVienne { type site covers Quai rto 1d status option reason "cher" }'));
        const diagnostic = one(document, 'risk-exceeds-mtpd', 'warning');
        expect(mentions(diagnostic.message, 'Quai')).toBe(true);
    });

    it('spares every activity when the active mitigations cover the targets (the targeted site is covered)', async () => {
        const document = await plan(base('Assurance, Repli', 'fallback Repli { type site covers SiteLyon rto 1d }'));
        none(document, 'risk-exceeds-mtpd');
    });

    it('recovery needs all targets in U: covering one of two targets spares nothing, covering both spares', async () => {
        const risk = (mitigations: string): string => `
risk Rancon { category cyber likelihood 3 impact 4 downtime 5d targets Srv, Nas, Ailleurs mitigated by ${mitigations} }
asset Srv { kind server }
asset Nas { kind data }
asset Ailleurs { }
activity Compta { rto 4h mtpd 2d uses Srv, Nas }
fallback B1 { type backup covers Srv rto 1d }
fallback B2 { type backup covers Nas rto 1d }`;
        const half = await plan(risk('B1'));
        expect(mentions(one(half, 'risk-exceeds-mtpd', 'warning').message, 'Compta')).toBe(true);
        // Ailleurs is a target outside Compta's U: it does not need to be covered.
        const both = await plan(risk('B1, B2'));
        none(both, 'risk-exceeds-mtpd');
    });

    it('an activity that `needs` an activity using a target is concerned (U through needs)', async () => {
        const document = await plan(`
risk Panne { likelihood 2 impact 2 downtime 5d targets Srv }
asset Srv { }
activity Stock { rto 1d mtpd 1w uses Srv }
activity Expedition { rto 4h mtpd 1d needs Stock }`);
        const diagnostic = one(document, 'risk-exceeds-mtpd', 'warning');
        expect(mentions(diagnostic.message, 'Expedition')).toBe(true);
        expect(mentions(diagnostic.message, 'Stock')).toBe(false);
    });

    it('near miss: a downtime equal to the mtpd', async () => {
        const document = await plan(`
risk Panne { likelihood 2 impact 2 downtime 2d targets Srv }
asset Srv { }
activity Compta { rto 4h mtpd 48h uses Srv }`);
        none(document, 'risk-exceeds-mtpd');
    });
});
