/**
 * LANGUAGE.md, Version 2 checks about fallbacks and exercises: self-dependent-fallback,
 * untested-fallback, failed-exercise, future-exercise, exercise-missed-target, exercise-programme,
 * no-offline-backup ("Recovery paths": only active fallbacks count; "precise readings";
 * "more precise readings").
 */
import { describe, expect, it } from 'vitest';
import { all, element, expectInOrder, mentions, none, one, plan, text, expectFigure, expectRangeOn } from './v2-helpers.js';

describe('self-dependent-fallback (chains of assets and fallbacks; one finding per fallback)', () => {
    it('a transitive self-dependency three hops away: depends on Vpn → Firewall → the covered SiteLyon; '
        + 'the message shows the chain', async () => {
        const document = await plan(`
asset SiteLyon { kind site }
asset Vpn { kind network depends on Firewall }
asset Firewall { kind network depends on SiteLyon }
fallback Bascule { type site covers SiteLyon rto 4h depends on Vpn }`);
        const diagnostic = one(document, 'self-dependent-fallback', 'warning');
        expect(element(diagnostic)).toBe('Bascule');
        expectRangeOn(document, diagnostic, ['Bascule', 'Vpn']);
        expectInOrder(diagnostic.message, ['Vpn', 'Firewall', 'SiteLyon']);
    });

    it('an asset of U of an activity it covers: '
        + 'the site failover depending, through the VPN and the firewall, on the site it replaces', async () => {
        const document = await plan(`
activity Planif { uses SiteLyon }
asset SiteLyon { kind site }
asset Vpn { kind network depends on Firewall }
asset Firewall { kind network depends on SiteLyon }
fallback SiteVienne { type site covers Planif rto 4h depends on Vpn }`);
        const diagnostic = one(document, 'self-dependent-fallback', 'warning');
        expect(element(diagnostic)).toBe('SiteVienne');
        expectInOrder(diagnostic.message, ['Vpn', 'Firewall', 'SiteLyon']);
    });

    it('through a fallback\'s `depends on` another fallback', async () => {
        const document = await plan(`
asset Srv { kind server }
asset Autre { kind data }
fallback Replica { type failover covers Srv rto 1h depends on Sauvegarde }
fallback Sauvegarde { type backup covers Autre rpo 1d depends on Srv }`);
        const diagnostic = one(document, 'self-dependent-fallback', 'warning');
        expect(element(diagnostic)).toBe('Replica');
        expectInOrder(diagnostic.message, ['Sauvegarde', 'Srv']);
    });

    it('an asset of U through `needs` of an activity it covers', async () => {
        const document = await plan(`
activity Expedition { needs Commandes }
activity Commandes { uses Erp }
asset Erp { kind saas }
fallback Bascule { covers Expedition rto 1h depends on Erp }`);
        const diagnostic = one(document, 'self-dependent-fallback', 'warning');
        expect(element(diagnostic)).toBe('Bascule');
        expect(diagnostic.message).toContain('Erp');
    });

    it('one finding per fallback naming every asset in question (at most 5, then "and N more")', async () => {
        const document = await plan(`
asset S1 { } asset S2 { } asset S3 { } asset S4 { } asset S5 { } asset S6 { } asset S7 { }
fallback Tout { covers S1, S2, S3, S4, S5, S6, S7 rto 4h depends on S1, S2, S3, S4, S5, S6, S7 }`);
        const diagnostic = one(document, 'self-dependent-fallback', 'warning');
        const named = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7'].filter(n => mentions(diagnostic.message, n));
        expect(named).toHaveLength(5);
        expect(diagnostic.message).toContain('and 2 more');
    });

    it('a site fallback shows the chain to the site rather than to another asset in question', async () => {
        const document = await plan(`
activity Planif { uses SiteLyon, App }
asset SiteLyon { kind site }
asset App { kind application }
asset Vpn { kind network depends on App, Firewall }
asset Firewall { kind network depends on SiteLyon }
fallback SiteVienne { type site covers Planif rto 4h depends on Vpn }`);
        const diagnostic = one(document, 'self-dependent-fallback', 'warning');
        expect(diagnostic.message).toContain('App');
        expectInOrder(diagnostic.message, ['Vpn', 'Firewall', 'SiteLyon']);
    });

    it('near miss: an option that would be self-dependent, and a chain that never reaches what is covered', async () => {
        const document = await plan(`
asset SiteLyon { kind site }
asset Vpn { kind network depends on Firewall }
asset Firewall { kind network depends on SiteLyon }
asset Cloud { kind saas depends on Internet }
asset Internet { kind internet }
fallback Idee { type site covers SiteLyon rto 4h depends on Vpn status option reason "à l'étude" }
fallback Saine { type site covers SiteLyon rto 4h depends on Cloud }`);
        none(document, 'self-dependent-fallback');
    });
});

describe('untested-fallback (active only; exercises count as tests)', () => {
    const base = `
plan "P" { date 2026-11-28 }
activity Paie { criticality critical rto 1d uses Srv }
asset Srv { }`;

    it('fires on the name of an active fallback protecting a critical activity with no test', async () => {
        const document = await plan(`${base}
fallback Sauvegarde { covers Srv rto 4h }`);
        const diagnostic = one(document, 'untested-fallback', 'warning');
        expect(element(diagnostic)).toBe('Sauvegarde');
        expect(text(document, diagnostic)).toBe('Sauvegarde');
    });

    it('near miss: an untested option, planned or rejected fallback is not reported', async () => {
        const document = await plan(`${base}
fallback Sauvegarde { covers Srv rto 4h tested 2026-10-01 }
fallback Idee { covers Srv rto 1h status option reason "cher" }
fallback Prevu { covers Srv rto 1h status planned due 2027-03-01 }
fallback Non { covers Paie rto 1h status rejected reason "non" }`);
        none(document, 'untested-fallback');
    });

    it('a passed exercise that tests it counts as the test date', async () => {
        const document = await plan(`${base}
fallback Sauvegarde { covers Srv rto 4h }
exercise Restauration { date 2026-06-01 tests Sauvegarde result passed }`);
        none(document, 'untested-fallback');
    });

    it('a passed exercise more than 12 months before the plan date does not', async () => {
        const document = await plan(`${base}
fallback Sauvegarde { covers Srv rto 4h }
exercise Ancien { date 2025-06-01 tests Sauvegarde result passed }`);
        expect(element(one(document, 'untested-fallback', 'warning'))).toBe('Sauvegarde');
    });

    it('"precise readings": a later failed exercise leaves it untested, even with a recent `tested` date', async () => {
        const document = await plan(`${base}
fallback Sauvegarde { covers Srv rto 4h tested 2026-05-01 }
exercise Echec { date 2026-06-01 tests Sauvegarde result failed }`);
        expect(element(one(document, 'untested-fallback', 'warning'))).toBe('Sauvegarde');
        expect(element(one(document, 'failed-exercise', 'warning'))).toBe('Sauvegarde');
    });

    it('"precise readings": an exercise on the same day as `tested` wins', async () => {
        const document = await plan(`${base}
fallback Sauvegarde { covers Srv rto 4h tested 2026-06-01 }
exercise Echec { date 2026-06-01 tests Sauvegarde result failed }`);
        one(document, 'untested-fallback', 'warning');
    });

    it('"precise readings": an exercise dated after the plan date never counts as a test', async () => {
        const document = await plan(`${base}
fallback Sauvegarde { covers Srv rto 4h }
exercise Futur { date 2027-01-15 tests Sauvegarde result passed }`);
        expect(element(one(document, 'untested-fallback', 'warning'))).toBe('Sauvegarde');
    });
});

describe('failed-exercise', () => {
    it('fires when the latest exercise testing a fallback failed; element = the fallback', async () => {
        const document = await plan(`
plan "P" { date 2026-11-28 }
fallback Sauvegarde { rto 4h }
exercise Reussi { date 2026-03-01 tests Sauvegarde result passed }
exercise Echec { date 2026-06-01 tests Sauvegarde result failed }`);
        const diagnostic = one(document, 'failed-exercise', 'warning');
        expect(element(diagnostic)).toBe('Sauvegarde');
        expect(text(document, diagnostic)).toBe('Sauvegarde');
        expect(diagnostic.message).toContain('Sauvegarde');
        expect(diagnostic.message).toContain('Echec');
    });

    it('a partial result counts as a failure', async () => {
        const document = await plan(`
plan "P" { date 2026-11-28 }
fallback Sauvegarde { rto 4h }
exercise Moyen { date 2026-06-01 tests Sauvegarde result partial }`);
        expect(element(one(document, 'failed-exercise', 'warning'))).toBe('Sauvegarde');
    });

    it('near miss: a passed exercise after a failed one clears it', async () => {
        const document = await plan(`
plan "P" { date 2026-11-28 }
fallback Sauvegarde { rto 4h }
exercise Echec { date 2026-03-01 tests Sauvegarde result failed }
exercise Reprise { date 2026-06-01 tests Sauvegarde result passed }`);
        none(document, 'failed-exercise');
    });

    it('"more precise readings": `failed C` limits the failure to C; A and B passed (and count as tested)', async () => {
        const document = await plan(`
plan "P" { date 2026-11-28 }
activity Paie { criticality critical rto 1d uses SA, SB, SC }
asset SA { } asset SB { } asset SC { }
fallback A { covers SA rto 4h }
fallback B { covers SB rto 4h }
fallback C { covers SC rto 4h }
exercise Global { date 2026-06-01 tests A, B, C result partial failed C }`);
        expect(element(one(document, 'failed-exercise', 'warning'))).toBe('C');
        expect(element(one(document, 'untested-fallback', 'warning'))).toBe('C');
    });

    it('reading: a failed exercise dated after the plan date never counts, so an earlier pass stands', async () => {
        // "Exercises dated after the plan date never count as tests" (future-exercise reports it).
        const document = await plan(`
plan "P" { date 2026-11-28 }
fallback Sauvegarde { rto 4h }
exercise Reussi { date 2026-03-01 tests Sauvegarde result passed }
exercise Futur { date 2027-01-15 tests Sauvegarde result failed }`);
        none(document, 'failed-exercise');
        expect(element(one(document, 'future-exercise', 'error'))).toBe('Futur');
    });

    it('a failed exercise of a procedure: element = the procedure', async () => {
        const document = await plan(`
plan "P" { date 2026-11-28 }
procedure Bascule { phase during step "Basculer" within 1h }
exercise Essai { date 2026-06-01 tests Bascule result failed }`);
        const diagnostic = one(document, 'failed-exercise', 'warning');
        expect(element(diagnostic)).toBe('Bascule');
    });
});

describe('future-exercise', () => {
    it('an exercise dated after the plan date with a result is an error, on its result', async () => {
        const document = await plan(`
plan "P" { date 2026-11-28 }
fallback F { rto 4h }
exercise Futur { date 2027-01-15 tests F result passed }`);
        const diagnostic = one(document, 'future-exercise', 'error');
        expect(element(diagnostic)).toBe('Futur');
        expect(text(document, diagnostic)).toBe('passed');
        expect(diagnostic.message).toContain('Futur');
        expect(diagnostic.message).toContain('2027-01-15');
    });

    it('near miss: a scheduled exercise without result, and one on the plan date', async () => {
        const document = await plan(`
plan "P" { date 2026-11-28 }
fallback F { rto 4h }
exercise Prevu { date 2027-01-15 tests F type full-scale }
exercise Jour { date 2026-11-28 tests F result passed }`);
        none(document, 'future-exercise');
    });
});

describe('exercise-missed-target', () => {
    it('a passed exercise measured a longer rto than the fallback declares; element = the fallback', async () => {
        const document = await plan(`
plan "P" { date 2026-11-28 }
fallback Restore { rto 4h rpo 1h }
exercise Test { date 2026-06-01 tests Restore result passed measured rto 5h measured rpo 30min }`);
        const diagnostic = one(document, 'exercise-missed-target', 'warning');
        expect(element(diagnostic)).toBe('Restore');
        expect(diagnostic.message).toContain('Restore');
        expectFigure(diagnostic.message, '5 h');
        expectFigure(diagnostic.message, '4 h');
    });

    it('likewise for the rpo', async () => {
        const document = await plan(`
plan "P" { date 2026-11-28 }
fallback Restore { rto 4h rpo 1h }
exercise Test { date 2026-06-01 tests Restore result passed measured rto 4h measured rpo 2h }`);
        const diagnostic = one(document, 'exercise-missed-target', 'warning');
        expectFigure(diagnostic.message, '2 h');
        expectFigure(diagnostic.message, '1 h');
    });

    it('near miss: equal measured figures, and a failed exercise (failed-exercise reports it)', async () => {
        const document = await plan(`
plan "P" { date 2026-11-28 }
fallback Restore { rto 4h rpo 1h }
fallback Other { rto 4h }
exercise Egal { date 2026-06-01 tests Restore result passed measured rto 4h measured rpo 1h }
exercise Rate { date 2026-06-01 tests Other result failed measured rto 9h }`);
        none(document, 'exercise-missed-target');
    });
});

describe('exercise-programme (info)', () => {
    const base = (exercises: string, fallbackStatus = ''): string => `
plan "P" { date 2026-11-28 }
activity Paie { criticality critical rto 1d uses Srv }
asset Srv { }
fallback Sauvegarde { covers Srv rto 4h tested 2026-10-01 ${fallbackStatus} }
${exercises}`;

    it('fires for a critical activity whose fallbacks only had a walkthrough (the default type)', async () => {
        const document = await plan(base('exercise Lecture { date 2026-06-01 tests Sauvegarde result passed }'));
        const diagnostic = one(document, 'exercise-programme', 'info');
        expect(element(diagnostic)).toBe('Paie');
        expect(text(document, diagnostic)).toBe('Paie');
        expect(diagnostic.message).toContain('Paie');
    });

    it('fires for a tabletop exercise, and for a functional one more than 12 months back', async () => {
        const tabletop = await plan(base('exercise Table { date 2026-06-01 type tabletop tests Sauvegarde result passed }'));
        one(tabletop, 'exercise-programme', 'info');
        const old = await plan(base('exercise Vieux { date 2025-10-01 type functional tests Sauvegarde result passed }'));
        one(old, 'exercise-programme', 'info');
    });

    it('near miss: a passed functional or full-scale exercise in the 12 months, whatever happened after', async () => {
        const functional = await plan(base(`
exercise Reel { date 2026-03-01 type functional tests Sauvegarde result passed }
exercise Apres { date 2026-09-01 type functional tests Sauvegarde result failed }`));
        none(functional, 'exercise-programme');
        const fullScale = await plan(base('exercise Grandeur { date 2026-06-01 type full-scale tests Sauvegarde result passed }'));
        none(fullScale, 'exercise-programme');
    });

    it('near miss: not for an activity with no active fallback (an option only), nor for a high activity', async () => {
        const option = await plan(base('', 'status option reason "plus tard"'));
        none(option, 'exercise-programme');
        const high = await plan(base('').replace('criticality critical', 'criticality high'));
        none(high, 'exercise-programme');
    });

    it('a functional exercise dated after the plan date does not count', async () => {
        const document = await plan(base('exercise Futur { date 2027-01-15 type functional tests Sauvegarde result passed }'));
        one(document, 'exercise-programme', 'info');
    });

    it('a direct fallback of the activity counts too', async () => {
        const document = await plan(`${base('')}
fallback Papier { covers Paie rto 2h }
exercise Essai { date 2026-06-01 type functional tests Papier result passed }`);
        none(document, 'exercise-programme');
    });
});

describe('no-offline-backup (v2: active backups only)', () => {
    it('fires when the active backups are neither offline nor offsite, even if an option is', async () => {
        const document = await plan(`
plan "P" { date 2026-11-28 }
fallback Locale { type backup rto 4h }
fallback Bande { type backup offline status option reason "cher" }`);
        const diagnostic = one(document, 'no-offline-backup', 'warning');
        expect(element(diagnostic)).toBeUndefined();
    });

    it('near miss: no active backup at all, or one active offsite backup', async () => {
        const none1 = await plan(`
plan "P" { date 2026-11-28 }
fallback Bande { type backup status planned due 2027-01-01 }
fallback Replica { type failover }`);
        none(none1, 'no-offline-backup');
        const offsite = await plan(`
plan "P" { date 2026-11-28 }
fallback Locale { type backup }
fallback Externe { type backup offsite }`);
        expect(all(offsite, 'no-offline-backup')).toHaveLength(0);
    });
});
