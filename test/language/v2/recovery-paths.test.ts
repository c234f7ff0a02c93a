/**
 * LANGUAGE.md, Version 2: "Recovery paths", the v2 checks table and "recovery figures, final
 * wording" / "more precise readings" (which supersede "broken", "unknown" and "partly known").
 * Codes: rto-gap, rpo-gap, uncovered-dependency, sla-gap, critical-without-fallback,
 * unquantified-fallback.
 */
import { describe, expect, it } from 'vitest';
import {
    all, element, expectInOrder, mentions, none, one, plan, positionOf, related, text, expectFigure, expectRangeOn
} from './v2-helpers.js';

describe('rto-gap: one finding per activity, asset path (final wording)', () => {
    it('fires ONCE for an activity with several slow assets, on rto, slowest first, each with its fallback and figure', async () => {
        const document = await plan(`
role DG { }
activity Paie { criticality high owner DG rto 4h uses App, Db }
asset App { kind application }
asset Db { kind data }
fallback AppRestore { covers App rto 8h }
fallback DbRestore { covers Db rto 12h }`);
        const gap = one(document, 'rto-gap', 'warning');
        expect(text(document, gap)).toBe('4h');
        expect(element(gap)).toBe('Paie');
        // "The message gives both figures and the path": required 4 h, achieved 12 h (asset path).
        expect(gap.message).toContain('Paie');
        expectFigure(gap.message, '4 h');
        expectFigure(gap.message, '12 h');
        // Slowest first, each with the fallback giving its figure.
        expectInOrder(gap.message, ['Db', 'DbRestore', 'App', 'AppRestore']);
        expectFigure(gap.message, '8 h');
        expect(gap.message).not.toMatch(/at least/i);
    });

    it('rto-gap: each named asset is given as related information (data.related and LSP relatedInformation)', async () => {
        const document = await plan(`
activity Paie { rto 4h uses App, Db }
asset App { kind application }
asset Db { kind data }
fallback AppRestore { covers App rto 8h }
fallback DbRestore { covers Db rto 12h }`);
        const gap = one(document, 'rto-gap', 'warning');
        const relatedData = related(gap);
        expect(relatedData.map(r => r.element).sort()).toEqual(['App', 'Db']);
        const db = relatedData.find(r => r.element === 'Db')!;
        const dbName = positionOf(document, 'Db {');
        expect(db.line).toBe(dbName.line + 1);
        expect(db.column).toBe(dbName.character + 1);
        expect(db.file).toBe(document.uri.toString());
        const info = gap.relatedInformation ?? [];
        expect(info).toHaveLength(2);
        for (const entry of info) {
            expect(entry.location.uri).toBe(document.uri.toString());
            const name = document.textDocument.getText(entry.location.range);
            expect(['App', 'Db']).toContain(name);
            expect(entry.message).toContain(name);
        }
    });

    it('rto-gap names at most 3 slowest assets, then "and N more"; related lists the named ones', async () => {
        const document = await plan(`
activity Paie { rto 4h uses Five, Six, Seven, Eight, Nine, Fast }
asset Five { } asset Six { } asset Seven { } asset Eight { } asset Nine { } asset Fast { }
fallback R5 { covers Five rto 5h }
fallback R6 { covers Six rto 6h }
fallback R7 { covers Seven rto 7h }
fallback R8 { covers Eight rto 8h }
fallback R9 { covers Nine rto 9h }
fallback RF { covers Fast rto 1h }`);
        const gap = one(document, 'rto-gap', 'warning');
        expectInOrder(gap.message, ['Nine', 'Eight', 'Seven']);
        expect(gap.message).toContain('and 2 more');
        for (const hidden of ['Five', 'Six', 'Fast']) expect(mentions(gap.message, hidden), hidden).toBe(false);
        expectFigure(gap.message, '9 h');
        expect(related(gap).map(r => r.element).sort()).toEqual(['Eight', 'Nine', 'Seven']);
    });

    it('two assets behind one backup give one finding per activity per code (rto-gap, rpo-gap)', async () => {
        const document = await plan(`
role DG { }
activity Compta { criticality critical owner DG rto 4h rpo 1h uses Srv, Nas }
asset Srv { kind server }
asset Nas { kind data }
fallback Backup { covers Srv, Nas rto 8h rpo 24h }`);
        const rto = one(document, 'rto-gap', 'warning');
        expect(rto.message).toContain('Srv');
        expect(rto.message).toContain('Nas');
        expect(rto.message).toContain('Backup');
        const rpo = one(document, 'rpo-gap', 'warning');
        expect(text(document, rpo)).toBe('1h');
        expect(element(rpo)).toBe('Compta');
        expectFigure(rpo.message, '24 h');
    });

    it('two uncovered assets give one uncovered-dependency naming both', async () => {
        const document = await plan(`
role DG { }
activity Compta { criticality critical owner DG rto 4h rpo 1h uses Mail, Web }
asset Mail { kind saas }
asset Web { kind saas }`);
        const uncovered = one(document, 'uncovered-dependency', 'warning');
        expect(element(uncovered)).toBe('Compta');
        expect(text(document, uncovered)).toMatch(/^(uses )?Mail/);
        expect(uncovered.message).toContain('Compta');
        expect(uncovered.message).toContain('Mail');
        expect(uncovered.message).toContain('Web');
    });

    it('reading of "final wording": no direct path and an asset path that is none give no figure, '
        + 'so no rto-gap even with a slow known asset', async () => {
        // "the asset path's figure is none if some A in scope is none" and "at least one path gives a figure":
        // uncovered-dependency reports Mail instead.
        const document = await plan(`
activity Compta { criticality high rto 4h uses Srv, Mail }
asset Srv { }
asset Mail { }
fallback Backup { covers Srv rto 8h }`);
        none(document, 'rto-gap');
        one(document, 'uncovered-dependency', 'warning');
    });

    it('rto-gap: equal figures pass (the requirement is met, not missed)', async () => {
        const document = await plan(`
activity Paie { rto 4h uses App }
asset App { }
fallback R { covers App rto 4h }`);
        none(document, 'rto-gap');
    });

    it('rto-gap: the best (least) active fallback of an asset counts', async () => {
        const document = await plan(`
activity Paie { rto 4h uses App }
asset App { }
fallback Slow { covers App rto 8h }
fallback Fast { covers App rto 2h }`);
        none(document, 'rto-gap');
    });

    it('rto-gap on the activity itself (no asset: the direct path alone decides), naming the fallback', async () => {
        const document = await plan(`
activity Paie { rto 2h }
fallback Papier { covers Paie rto 1d }`);
        const gap = one(document, 'rto-gap', 'warning');
        expect(text(document, gap)).toBe('2h');
        expect(gap.message).toContain('Papier');
        expectFigure(gap.message, '24 h');
        expectFigure(gap.message, '2 h');
    });

    it('rto-gap: a direct path meeting the rto wins over a slow asset path', async () => {
        const document = await plan(`
activity Paie { rto 4h uses App }
asset App { }
fallback Slow { covers App rto 2d }
fallback Bascule { type site covers Paie rto 2h }`);
        none(document, 'rto-gap');
    });
});

describe('rto-gap and uncovered-dependency: the manual workaround `within` (direct path)', () => {
    const activity = (within: string): string => `
role DG { }
activity Expe { criticality high owner DG rto 4h uses Tms, Wifi manual "Bons papier" within ${within} catchup Ressaisie }
asset Tms { kind saas }
asset Wifi { kind network }
fallback WifiSpare { covers Wifi rto 2h }
procedure Ressaisie { phase after for Expe }`;

    it('a manual workaround within the RTO silences rto-gap and uncovered-dependency', async () => {
        const document = await plan(activity('1h'));
        none(document, 'rto-gap');
        none(document, 'uncovered-dependency');
    });

    it('near miss: a manual workaround slower than the RTO does not; the message cites the direct path', async () => {
        const document = await plan(activity('8h'));
        const gap = one(document, 'rto-gap', 'warning');
        expect(text(document, gap)).toBe('4h');
        // Direct path 8 h exceeds 4 h and the asset path is none (Tms has no active fallback).
        expectFigure(gap.message, '8 h');
        const uncovered = one(document, 'uncovered-dependency', 'warning');
        expect(element(uncovered)).toBe('Expe');
        expect(mentions(uncovered.message, 'Tms')).toBe(true);
        expect(mentions(uncovered.message, 'Wifi')).toBe(false);
    });

    it('a manual workaround without `within` gives no figure: a too slow asset path still fires', async () => {
        const document = await plan(`
activity Paie { rto 4h uses App manual "papier" }
asset App { }
fallback Slow { covers App rto 8h }`);
        const gap = one(document, 'rto-gap', 'warning');
        expect(gap.message).toContain('App');
        expect(gap.message).toContain('Slow');
    });

    it('the freight company: Planification (manual in 1 h, TMS SaaS sla 48h, Microsoft 365, Lyon site, rto 4h) '
        + 'has no rto-gap, sla-gap nor uncovered-dependency', async () => {
        const document = await plan(`
plan "Transports Rhône" { date 2026-11-28 }
role DG { phone "1" }
activity Planification "Planification des tournées" {
    criticality critical owner DG rto 4h rpo 1d mtpd 2d
    uses TMS, M365, SiteLyon
    manual "Planning papier au tableau blanc" within 1h
    catchup Ressaisie
}
asset TMS "TMS en SaaS" { kind saas provider "Éditeur TMS" sla 48h }
asset M365 "Microsoft 365" { kind saas provider "Microsoft" sla 8h }
asset SiteLyon "Site de Lyon" { kind site }
fallback SiteVienne "Second dépôt" { type site covers SiteLyon rto 2d }
procedure Ressaisie { phase after for Planification }`);
        none(document, 'rto-gap');
        none(document, 'sla-gap');
        none(document, 'uncovered-dependency');
        none(document, 'critical-without-fallback');
        // RPO: the manual bounds none and TMS/M365 have no active fallback: no path gives a figure.
        none(document, 'rpo-gap');
    });
});

describe('rto-gap: broken, partly stated and figure-less paths (final wording)', () => {
    it('"precise readings": when the direct path exists but is too slow, the message cites it too', async () => {
        const document = await plan(`
activity Paie { rto 4h uses App manual "papier" within 8h catchup Ressaisie }
procedure Ressaisie { phase after for Paie }
asset App { }
fallback AppRestore { covers App rto 12h }`);
        const gap = one(document, 'rto-gap', 'warning');
        expectFigure(gap.message, '8 h');
        expectFigure(gap.message, '12 h');
        expect(gap.message).toContain('App');
        expect(gap.message).toContain('AppRestore');
    });

    it('an asset with no active fallback (path none) and a direct path too slow: rto-gap fires', async () => {
        const document = await plan(`
activity Paie { rto 4h uses App }
asset App { }
fallback Papier { covers Paie rto 8h }`);
        const gap = one(document, 'rto-gap', 'warning');
        expect(text(document, gap)).toBe('4h');
        expectFigure(gap.message, '8 h');
        expect(gap.message).toContain('Papier');
    });

    it('"at least" when the asset path is partly unstated and its known figure already exceeds the rto', async () => {
        const document = await plan(`
activity Paie { rto 4h uses App, Db }
asset App { }
asset Db { }
fallback AppR { covers App rto 8h }
fallback DbR { covers Db }`);
        const gap = one(document, 'rto-gap', 'warning');
        expect(gap.message).toMatch(/at least/i);
        expectFigure(gap.message, '8 h');
        expect(gap.message).toContain('App');
        expect(mentions(gap.message, 'Db')).toBe(false);
    });

    it('near miss: "at least 2 h" does not certainly miss 4 h', async () => {
        const document = await plan(`
activity Paie { rto 4h uses App, Db }
asset App { }
asset Db { }
fallback AppR { covers App rto 2h }
fallback DbR { covers Db }`);
        none(document, 'rto-gap');
    });

    it('no gap when no path gives any figure (unstated fallbacks, no active fallback, manual without within)', async () => {
        const document = await plan(`
activity Unstated { rto 4h uses App }
asset App { }
fallback AppR { covers App }
activity Uncovered { rto 4h uses Lonely manual "papier" }
asset Lonely { }
activity Both { rto 4h uses App, Lonely }`);
        none(document, 'rto-gap');
    });

    it('near miss: a too slow direct path with an asset path "at least 2 h" does not certainly miss 4 h', async () => {
        const document = await plan(`
activity Paie { rto 4h uses App, Db }
asset App { }
asset Db { }
fallback AppR { covers App rto 2h }
fallback DbR { covers Db }
fallback Papier { covers Paie rto 8h }`);
        none(document, 'rto-gap');
    });

    it('near miss: a too slow direct path with an asset path that meets the rto exactly (the least of the two is achieved)', async () => {
        const document = await plan(`
activity Paie { rto 4h uses App }
asset App { }
fallback AppR { covers App rto 4h }
fallback Papier { covers Paie rto 8h }`);
        none(document, 'rto-gap');
    });

    it('a direct-path fallback without rto never meets the requirement: a slow asset path fires', async () => {
        const document = await plan(`
activity Paie { rto 4h uses App }
asset App { }
fallback Slow { covers App rto 8h }
fallback Helper { type workaround covers Paie }`);
        one(document, 'rto-gap', 'warning');
    });
});

describe('option, planned and rejected fallbacks change no figure ("Recovery paths")', () => {
    it('a faster option, planned or rejected fallback does not remove rto-gap', async () => {
        const document = await plan(`
activity Paie { rto 4h uses App }
asset App { }
fallback Slow { covers App rto 8h }
fallback Fibre2 { covers App rto 1h status option reason "Trop cher" }
fallback Prevu { covers App rto 1h status planned due 2027-03-31 }
fallback Rejete { covers Paie rto 1h status rejected reason "Hors budget" }`);
        const gap = one(document, 'rto-gap', 'warning');
        expect(gap.message).toContain('Slow');
        expectFigure(gap.message, '8 h');
    });

    it('an activity covered only by an option still gets critical-without-fallback and uncovered-dependency', async () => {
        const document = await plan(`
role DG { }
activity Paie { criticality critical owner DG rto 4h rpo 1h uses App }
asset App { }
fallback Idee { covers Paie, App rto 1h rpo 1h status option reason "À chiffrer" }`);
        const critical = one(document, 'critical-without-fallback', 'error');
        expect(element(critical)).toBe('Paie');
        expect(text(document, critical)).toBe('Paie');
        const uncovered = one(document, 'uncovered-dependency', 'warning');
        expect(mentions(uncovered.message, 'App')).toBe(true);
    });

    it('planned and rejected fallbacks are not coverage either', async () => {
        const document = await plan(`
activity A { criticality critical uses SrvA }
asset SrvA { }
fallback PA { covers SrvA status planned due 2027-01-31 }
activity B { criticality critical }
fallback RB { covers B status rejected reason "Non" }`);
        expect(all(document, 'critical-without-fallback').map(element).sort()).toEqual(['A', 'B']);
    });

    it('near miss: an explicit `status active` fallback is coverage', async () => {
        const document = await plan(`
activity A { criticality critical uses SrvA }
asset SrvA { }
fallback PA { covers SrvA status active }`);
        none(document, 'critical-without-fallback');
    });
});

describe('rpo-gap: data-holding assets only ("Recovery paths", final wording)', () => {
    it('a printer, a network switch and a stateless server never bound an RPO', async () => {
        const document = await plan(`
activity Etiquetage { rto 1d rpo 1h uses Imprimante, Switch, Spooler }
asset Imprimante { kind printer }
asset Switch { kind network }
asset Spooler { kind server stateless }
fallback Spare { covers Imprimante, Switch, Spooler rto 4h rpo 2d }`);
        none(document, 'rpo-gap');
    });

    it('near miss: the same server without `stateless` bounds the RPO (only it is named)', async () => {
        const document = await plan(`
activity Etiquetage { rto 1d rpo 1h uses Imprimante, Switch, Spooler }
asset Imprimante { kind printer }
asset Switch { kind network }
asset Spooler { kind server }
fallback Spare { covers Imprimante, Switch, Spooler rto 4h rpo 2d }`);
        const gap = one(document, 'rpo-gap', 'warning');
        expect(text(document, gap)).toBe('1h');
        expect(element(gap)).toBe('Etiquetage');
        expect(gap.message).toContain('Spooler');
        expectFigure(gap.message, '48 h');
        expectFigure(gap.message, '1 h');
        expect(mentions(gap.message, 'Switch')).toBe(false);
        expect(mentions(gap.message, 'Imprimante')).toBe(false);
        expect(related(gap).map(r => r.element)).toEqual(['Spooler']);
    });

    for (const kind of ['network', 'internet', 'telephony', 'printer', 'facility', 'site', 'mobile']) {
        it(`an asset of kind ${kind} holds no data`, async () => {
            const document = await plan(`
activity X { rpo 1h uses Thing }
asset Thing { kind ${kind} }
fallback Spare { covers Thing rto 1h rpo 1w }`);
            none(document, 'rpo-gap');
        });
    }

    it('the RPO chain stops at a stateless asset: data behind a switch is not this activity\'s data', async () => {
        const document = await plan(`
activity Ventes { rto 1d rpo 4h uses App }
asset App { kind application depends on Switch }
asset Switch { kind network depends on Nas }
asset Nas { kind data }
fallback AppBackup { covers App rto 2h rpo 1h }
fallback SwitchSpare { covers Switch rto 2h }
fallback NasBackup { covers Nas rto 2h rpo 2d }`);
        none(document, 'rpo-gap');
        none(document, 'rto-gap');
    });

    it('near miss: a data asset reached through data-holding assets bounds the RPO', async () => {
        const document = await plan(`
activity Ventes { rto 1d rpo 4h uses App }
asset App { kind application depends on Nas }
asset Nas { kind data }
fallback AppBackup { covers App rto 2h rpo 1h }
fallback NasBackup { covers Nas rto 2h rpo 2d }`);
        const gap = one(document, 'rpo-gap', 'warning');
        expect(gap.message).toContain('Nas');
        expect(gap.message).toContain('NasBackup');
        expectFigure(gap.message, '48 h');
    });

    it('an activity using only a stateless asset has no data of its own: data behind it bounds no RPO', async () => {
        const document = await plan(`
activity Ventes { rpo 4h uses Switch }
asset Switch { kind network depends on Nas }
asset Nas { kind data }
fallback SwitchSpare { covers Switch rto 1h }
fallback NasBackup { covers Nas rto 1h rpo 2d }`);
        none(document, 'rpo-gap');
    });

    it('a stateless asset with no fallback does not make the RPO path none: the data asset\'s figure is exact', async () => {
        const document = await plan(`
activity Ventes { rpo 4h uses App, Switch }
asset App { kind application }
asset Switch { kind network }
fallback AppBackup { covers App rpo 2d }`);
        const gap = one(document, 'rpo-gap', 'warning');
        expect(gap.message).toContain('App');
        expectFigure(gap.message, '48 h');
        expect(gap.message).not.toMatch(/at least/i);
    });

    it('a data-holding asset whose active fallbacks state no rpo makes the figure "at least"', async () => {
        const document = await plan(`
activity Ventes { rpo 4h uses App, Db }
asset App { kind application }
asset Db { kind data }
fallback AppBackup { covers App rpo 2d }
fallback DbCopy { covers Db }`);
        const gap = one(document, 'rpo-gap', 'warning');
        expect(gap.message).toMatch(/at least/i);
        expectFigure(gap.message, '48 h');
    });

    it('a manual workaround bounds no RPO; a fallback covering the activity with an rpo does', async () => {
        const manual = await plan(`
activity Ventes { rpo 4h uses App manual "papier" within 1h }
asset App { }
fallback AppBackup { covers App rpo 2d }`);
        one(manual, 'rpo-gap', 'warning');
        const direct = await plan(`
activity Ventes { rpo 4h uses App }
asset App { }
fallback AppBackup { covers App rpo 2d }
fallback Journal { covers Ventes rpo 1h }`);
        none(direct, 'rpo-gap');
    });
});

describe('`needs` widens U for the RTO only ("more precise readings")', () => {
    const text2 = `
activity Commandes { rto 8h rpo 1h uses Erp }
asset Erp { kind saas }
fallback ErpRestore { covers Erp rto 12h rpo 1d }
activity Expedition { rto 4h rpo 1h needs Commandes }`;

    it('the upstream activity\'s assets count for the downstream RTO', async () => {
        const document = await plan(text2);
        const gaps = all(document, 'rto-gap');
        expect(gaps.map(element).sort()).toEqual(['Commandes', 'Expedition']);
        const expedition = gaps.find(g => element(g) === 'Expedition')!;
        expect(expedition.message).toContain('Erp');
        expectFigure(expedition.message, '12 h');
    });

    it('but not for its RPO: data lost upstream is reported once, on the upstream activity', async () => {
        const document = await plan(text2);
        const gap = one(document, 'rpo-gap', 'warning');
        expect(element(gap)).toBe('Commandes');
    });

    it('uncovered-dependency and critical-without-fallback read U through needs', async () => {
        const document = await plan(`
role DG { }
activity Commandes { criticality medium uses Erp }
asset Erp { kind saas }
activity Expedition { criticality high owner DG rto 4h rpo 1h needs Commandes }
activity Quai { criticality critical owner DG rto 4h rpo 1h needs Stock }
activity Stock { criticality medium uses Wms }
asset Wms { }
fallback WmsRestore { covers Wms rto 1h rpo 1h }`);
        const uncovered = one(document, 'uncovered-dependency', 'warning');
        expect(element(uncovered)).toBe('Expedition');
        expect(text(document, uncovered)).toBe('Expedition');
        expect(uncovered.message).toContain('Erp');
        // Quai's U holds Wms (through needs Stock), covered by an active fallback.
        none(document, 'critical-without-fallback');
    });
});

describe('uncovered-dependency (v2 table and its exception)', () => {
    it('one finding per activity naming at most 5 assets, then "and N more", on uses', async () => {
        const document = await plan(`
activity Ventes { criticality high rto 4h uses A1, A2, A3, A4, A5, A6, A7 }
asset A1 { } asset A2 { } asset A3 { } asset A4 { } asset A5 { } asset A6 { } asset A7 { }`);
        const uncovered = one(document, 'uncovered-dependency', 'warning');
        expect(element(uncovered)).toBe('Ventes');
        expect(text(document, uncovered)).toMatch(/^(uses )?A1/);
        const named = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7'].filter(n => mentions(uncovered.message, n));
        expect(named).toHaveLength(5);
        expect(uncovered.message).toContain('and 2 more');
    });

    it('an option covering the asset is not coverage', async () => {
        const document = await plan(`
activity Ventes { criticality high rto 4h uses Fibre }
asset Fibre { kind internet }
fallback Fibre2 { covers Fibre rto 1h status option reason "Trop cher" }`);
        const uncovered = one(document, 'uncovered-dependency', 'warning');
        expect(uncovered.message).toContain('Fibre');
    });

    it('the direct path does not silence it when it depends on the uncovered asset (through a chain)', async () => {
        const document = await plan(`
activity Planif { criticality high rto 4h uses SiteLyon, Vpn }
asset SiteLyon { kind site }
asset Vpn { kind network }
asset Firewall { kind network depends on Vpn }
fallback LyonSpare { covers SiteLyon rto 2h }
fallback SiteVienne { type site covers Planif rto 1h depends on Firewall }`);
        const uncovered = one(document, 'uncovered-dependency', 'warning');
        expect(mentions(uncovered.message, 'Vpn')).toBe(true);
    });

    it('the direct path depending on the uncovered asset through another fallback does not silence it either', async () => {
        const document = await plan(`
activity Planif { criticality high rto 4h uses Vpn }
asset Vpn { kind network }
fallback Tunnel { type network depends on Vpn }
fallback SiteVienne { type site covers Planif rto 1h depends on Tunnel }`);
        const uncovered = one(document, 'uncovered-dependency', 'warning');
        expect(mentions(uncovered.message, 'Vpn')).toBe(true);
    });

    it('near miss: the same direct path without that dependency silences it', async () => {
        const document = await plan(`
activity Planif { criticality high rto 4h uses SiteLyon, Vpn }
asset SiteLyon { kind site }
asset Vpn { kind network }
fallback LyonSpare { covers SiteLyon rto 2h }
fallback SiteVienne { type site covers Planif rto 1h }`);
        none(document, 'uncovered-dependency');
    });

    it('not for medium or low activities', async () => {
        const document = await plan(`
activity M { criticality medium uses A }
activity L { criticality low uses A }
asset A { }`);
        none(document, 'uncovered-dependency');
    });
});

describe('sla-gap (v2 rule: one per critical/high activity, unless the achieved RTO meets the rto)', () => {
    it('one finding naming every asset whose sla exceeds the rto and whose best rto does not meet it', async () => {
        const document = await plan(`
role DG { }
activity Commandes { criticality critical owner DG rto 4h rpo 1d uses Tms, Erp, Mail }
asset Tms { kind saas provider "Éditeur" sla 48h }
asset Erp { kind saas provider "Éditeur" sla 24h }
asset Mail { kind saas provider "Microsoft" sla 2h }`);
        const gap = one(document, 'sla-gap', 'warning');
        expect(element(gap)).toBe('Commandes');
        expectRangeOn(document, gap, ['Commandes', '4h']);
        for (const name of ['Tms', 'Erp']) expect(gap.message).toContain(name);
        for (const figure of ['48 h', '24 h', '4 h']) expectFigure(gap.message, figure);
        expect(mentions(gap.message, 'Mail')).toBe(false);
    });

    it('an asset whose active fallback achieves the rto is not named; unstated and option fallbacks do not meet it', async () => {
        const document = await plan(`
activity Commandes { criticality high rto 4h uses Tms, Erp, Crm, Wms }
asset Tms { sla 48h }
asset Erp { sla 24h }
asset Crm { sla 24h }
asset Wms { sla 24h }
fallback TmsFast { covers Tms rto 4h }
fallback ErpCopy { covers Erp }
fallback CrmIdea { covers Crm rto 1h status option reason "Trop cher" }`);
        const gap = one(document, 'sla-gap', 'warning');
        expect(mentions(gap.message, 'Tms')).toBe(false);
        for (const name of ['Erp', 'Crm', 'Wms']) expect(mentions(gap.message, name), name).toBe(true);
    });

    it('near miss: no sla-gap when the achieved RTO meets the rto (a direct fallback), nor for a medium activity', async () => {
        const document = await plan(`
activity Commandes { criticality critical rto 4h uses Tms }
asset Tms { sla 48h }
fallback Bascule { covers Commandes rto 2h }
activity Archives { criticality medium rto 4h uses Old }
asset Old { sla 1w }`);
        none(document, 'sla-gap');
    });

    it('"precise readings": `response` is never used as a restore time', async () => {
        const document = await plan(`
activity Commandes { criticality critical rto 4h uses Tms }
asset Tms { kind saas provider "Éditeur" sla 48h response 1h }`);
        const gap = one(document, 'sla-gap', 'warning');
        expect(gap.message).toContain('Tms');
        none(document, 'rto-gap');
    });

    it('an sla of an asset reached through `needs` counts', async () => {
        const document = await plan(`
activity Expedition { criticality high rto 4h needs Planification }
activity Planification { criticality low uses Tms }
asset Tms { kind saas sla 48h }`);
        const gap = one(document, 'sla-gap', 'warning');
        expect(element(gap)).toBe('Expedition');
        expect(gap.message).toContain('Tms');
    });

    it('near miss: an sla equal to the rto', async () => {
        const document = await plan(`
activity Commandes { criticality critical rto 1d uses Tms }
asset Tms { sla 24h }`);
        none(document, 'sla-gap');
    });
});

describe('critical-without-fallback (v2)', () => {
    it('fires on the name of a critical activity with no direct path and no covered asset of U', async () => {
        const document = await plan(`
activity Paie { criticality critical rto 4h uses App }
asset App { depends on Srv }
asset Srv { }`);
        const diagnostic = one(document, 'critical-without-fallback', 'error');
        expect(text(document, diagnostic)).toBe('Paie');
        expect(element(diagnostic)).toBe('Paie');
        expect(diagnostic.message).toContain('Paie');
    });

    it('near miss: a manual workaround without `within` is still a direct path', async () => {
        const document = await plan('activity Paie { criticality critical manual "papier" }');
        none(document, 'critical-without-fallback');
    });

    it('near miss: one asset of U covered by an active fallback is enough', async () => {
        const document = await plan(`
activity Paie { criticality critical uses App }
asset App { depends on Srv }
asset Srv { }
fallback F { covers Srv }`);
        none(document, 'critical-without-fallback');
    });
});

describe('unquantified-fallback (one finding per fallback)', () => {
    it('an asset of U reached through `needs` counts for a critical activity', async () => {
        const document = await plan(`
activity Expedition { criticality critical rto 4h needs Commandes }
activity Commandes { criticality low uses Erp }
asset Erp { }
fallback ErpCopy { covers Erp rpo 1h }`);
        expect(element(one(document, 'unquantified-fallback', 'warning'))).toBe('ErpCopy');
    });

    it('fires once per active fallback without rto covering a critical activity or an asset of its U', async () => {
        const document = await plan(`
activity Paie { criticality critical rto 4h uses App }
activity Compta { criticality critical rto 4h uses App }
asset App { }
fallback Restore { covers App rpo 1h }
fallback Direct { covers Paie }
fallback Assur { type insurance covers Paie }
fallback Info { type communication covers Compta audience staff }
fallback Idee { covers App status option reason "plus tard" }
fallback Chiffre { covers App rto 2h }`);
        const found = all(document, 'unquantified-fallback');
        expect(found.map(element).sort()).toEqual(['Direct', 'Restore']);
        for (const diagnostic of found) {
            expect(diagnostic.severity).toBe(2);
            expect(text(document, diagnostic)).toBe(element(diagnostic));
            expect(diagnostic.message).toContain(element(diagnostic)!);
        }
    });

    it('near miss: a fallback without rto protecting only a high activity', async () => {
        const document = await plan(`
activity Ventes { criticality high rto 4h uses App }
asset App { }
fallback Restore { covers App }`);
        none(document, 'unquantified-fallback');
    });
});
