import { describe, expect, it } from 'vitest';
import { buildPlan, withCode } from '../helpers.js';
import { elementOf, quietCrisis, rangeText, single } from './check-helpers.js';

/** Each check of the contract's table: one case where it fires, one near miss where it must not. */
describe('coverage checks', () => {
    it('critical-without-fallback names the activity and its assets', async () => {
        const document = await buildPlan(`
activity Paie { criticality critical rto 4h rpo 1h uses App }
asset App { depends on Srv }
asset Srv { }`);
        const diagnostic = single(document, 'critical-without-fallback');
        expect(rangeText(document, diagnostic)).toBe('Paie');
        expect(diagnostic.range.start).toEqual({ line: 1, character: 9 });
        expect(diagnostic.message).toContain('Paie');
        expect(diagnostic.message).toContain('App, Srv');
        expect(elementOf(diagnostic)).toBe('Paie');
    });

    it('critical-without-fallback: a fallback reached only through depends on is enough', async () => {
        const document = await buildPlan(`
activity Paie { criticality critical uses App }
asset App { depends on Srv }
asset Srv { }
fallback F { covers Srv }`);
        expect(withCode(document, 'critical-without-fallback')).toHaveLength(0);
    });

    it('critical-without-fallback: a manual workaround or a fallback of the activity is enough', async () => {
        const document = await buildPlan(`
activity A { criticality critical manual "paper" }
activity B { criticality critical }
fallback F { covers B }`);
        expect(withCode(document, 'critical-without-fallback')).toHaveLength(0);
    });

    it('uncovered-dependency names the transitive asset no fallback covers, on uses', async () => {
        const document = await buildPlan(`
activity Ventes { criticality high uses App }
asset App { depends on Srv }
asset Srv { }
fallback F { covers App }`);
        const diagnostic = single(document, 'uncovered-dependency');
        expect(rangeText(document, diagnostic)).toBe('App');
        expect(diagnostic.message).toContain('Ventes');
        expect(diagnostic.message).toContain('Srv');
        expect(diagnostic.message).not.toContain('App,');
    });

    it('uncovered-dependency: not for medium activities, nor when everything is covered', async () => {
        const document = await buildPlan(`
activity Medium { criticality medium uses Srv }
activity High { criticality high uses App }
asset App { depends on Srv }
asset Srv { }
fallback F { covers App }
fallback G { covers Srv }
asset Lonely { }
activity Other { criticality medium uses Lonely }`);
        expect(withCode(document, 'uncovered-dependency')).toHaveLength(0);
    });
});

describe('recovery time and data loss', () => {
    const plan = (rto: string, rpo: string): string => `
activity Paie { criticality high rto 4h rpo 1h uses App }
asset App { depends on Srv }
asset Srv { }
fallback Slow { covers Srv rto ${rto} rpo ${rpo} }
fallback AppBackup { covers App rto 1h rpo 1h }`;

    it('rto-gap compares the asset reached transitively, on the rto property', async () => {
        const document = await buildPlan(plan('8h', '1h'));
        const diagnostic = single(document, 'rto-gap');
        expect(rangeText(document, diagnostic)).toBe('4h');
        expect(diagnostic.range.start).toEqual({ line: 1, character: 37 });
        expect(diagnostic.message).toBe('Paie requires RTO 4 h, but nothing recovers it directly in a stated time '
            + '(no active fallback covering it with an rto, no manual workaround with \'within\'); '
            + 'bringing back its assets takes 8 h: Srv 8 h (Slow).');
        expect(elementOf(diagnostic)).toBe('Paie');
    });

    it('rto-gap and rpo-gap: equal figures pass', async () => {
        const document = await buildPlan(plan('4h', '1h'));
        expect(withCode(document, 'rto-gap')).toHaveLength(0);
        expect(withCode(document, 'rpo-gap')).toHaveLength(0);
    });

    it('rto-gap takes the best of several fallbacks', async () => {
        const document = await buildPlan(`${plan('8h', '1h')}
fallback Fast { covers Srv rto 2h }`);
        expect(withCode(document, 'rto-gap')).toHaveLength(0);
    });

    it('rto-gap on the activity itself', async () => {
        const document = await buildPlan(`
activity Paie { rto 2h }
fallback Papier { covers Paie rto 1d }`);
        const diagnostic = single(document, 'rto-gap');
        expect(diagnostic.message).toBe('Paie requires RTO 2 h, but its direct recovery takes 24 h (Papier); it needs no asset.');
    });

    it('rto-gap: an asset covered only by fallbacks without rto is not compared', async () => {
        const document = await buildPlan(`
activity Paie { rto 2h uses Srv }
asset Srv { }
fallback F { covers Srv }`);
        expect(withCode(document, 'rto-gap')).toHaveLength(0);
    });

    it('rpo-gap names the figures, on the rpo property', async () => {
        const document = await buildPlan(plan('4h', '1.5d'));
        const diagnostic = single(document, 'rpo-gap');
        expect(rangeText(document, diagnostic)).toBe('1h');
        expect(diagnostic.message).toBe('Paie requires RPO 1 h, but nothing bounds its data loss directly '
            + '(no active fallback covering it states an rpo; a manual workaround keeps no data); '
            + 'its assets can lose 36 h of data: Srv 36 h (Slow).');
    });

    it('rto-exceeds-mtpd is an error on rto', async () => {
        const document = await buildPlan('activity Achats { rto 1w mtpd 3d }');
        const diagnostic = single(document, 'rto-exceeds-mtpd');
        expect(rangeText(document, diagnostic)).toBe('1w');
        expect(diagnostic.message).toContain('Achats');
        expect(diagnostic.message).toContain('7 d');
        expect(diagnostic.message).toContain('72 h');
    });

    it('rto-exceeds-mtpd: rto equal to mtpd passes', async () => {
        const document = await buildPlan('activity Achats { rto 3d mtpd 72h }');
        expect(withCode(document, 'rto-exceeds-mtpd')).toHaveLength(0);
    });

    it('sla-gap: a provider SLA longer than the rto with no faster fallback', async () => {
        const document = await buildPlan(`
activity Commandes { criticality critical rto 1d uses Standard }
asset Standard { provider "Opérateur" sla 48h }`);
        const diagnostic = single(document, 'sla-gap');
        expect(rangeText(document, diagnostic)).toBe('1d');
        expect(diagnostic.message).toBe('Commandes requires RTO 24 h, but the provider SLA of Standard (48 h) is longer, '
            + 'and no active fallback of theirs achieves 24 h.');
    });

    it('sla-gap: equal SLA, a fallback that achieves the rto, or a low activity pass', async () => {
        const document = await buildPlan(`
activity A { criticality critical rto 1d uses Equal }
asset Equal { sla 24h }
activity B { criticality high rto 4h uses Slow }
asset Slow { sla 2d }
fallback Fast { covers Slow rto 4h }
activity C { criticality low rto 1h uses Other }
asset Other { sla 1w }`);
        expect(withCode(document, 'sla-gap')).toHaveLength(0);
    });

    it('procedure-exceeds-rto adds the within times of a during procedure', async () => {
        const document = await buildPlan(`
role R { }
activity Urgences { rto 1h }
procedure SansIT { phase during for Urgences
    step "Ouvrir le classeur" by R within 15min
    step "Appeler" within 1.5h
    step "Sans durée" }`);
        const diagnostic = single(document, 'procedure-exceeds-rto');
        expect(rangeText(document, diagnostic)).toBe('SansIT');
        expect(diagnostic.message).toBe('The steps of SansIT take 1 h 45 min, more than the RTO 1 h of Urgences.');
    });

    it('procedure-exceeds-rto: equal total, or another phase, passes', async () => {
        const document = await buildPlan(`
activity Urgences { rto 2h }
procedure Egal { phase during for Urgences step "a" within 1h step "b" within 60min }
procedure Apres { phase after for Urgences step "a" within 1d }`);
        expect(withCode(document, 'procedure-exceeds-rto')).toHaveLength(0);
    });
});

describe('requirements and risks', () => {
    it('missing-requirement lists what a critical activity lacks, on its name', async () => {
        const document = await buildPlan('activity Paie { criticality critical rto 4h manual "papier" catchup P }\nprocedure P { }');
        const diagnostic = single(document, 'missing-requirement');
        expect(rangeText(document, diagnostic)).toBe('Paie');
        expect(diagnostic.message).toBe('Paie is critical but has no rpo and owner.');
    });

    it('missing-requirement: medium activities need nothing', async () => {
        const document = await buildPlan('activity Courrier { criticality medium }');
        expect(withCode(document, 'missing-requirement')).toHaveLength(0);
    });

    it('unmitigated-risk: score 9 is unacceptable with the default acceptance', async () => {
        const document = await buildPlan('risk Crue { likelihood 3 impact 3 }');
        const diagnostic = single(document, 'unmitigated-risk');
        expect(rangeText(document, diagnostic)).toBe('Crue');
        expect(diagnostic.message).toBe('Crue scores 9 (unacceptable) and has no \'mitigated by\'.');
    });

    it('unmitigated-risk: score 8 is tolerable, and a mitigated risk passes', async () => {
        const document = await buildPlan(`
risk Huit { likelihood 2 impact 4 }
risk Seize { likelihood 4 impact 4 mitigated by F }
fallback F { }`);
        expect(withCode(document, 'unmitigated-risk')).toHaveLength(0);
    });

    it('unmitigated-risk follows the plan\'s acceptance', async () => {
        const document = await buildPlan('acceptance { tolerable from 3 unacceptable from 6 }\nrisk Six { likelihood 2 impact 3 }');
        expect(single(document, 'unmitigated-risk').message).toContain('6');
    });

    it('residual-not-lower: an equal residual score, on the residual property', async () => {
        const document = await buildPlan(
            'risk Panne { likelihood 2 impact 4 mitigated by F residual likelihood 4 impact 2 }\nfallback F { }');
        const diagnostic = single(document, 'residual-not-lower');
        expect(rangeText(document, diagnostic)).toBe('likelihood 4 impact 2');
        expect(diagnostic.message).toBe('Panne: residual score 8 is not lower than its score 8.');
    });

    it('residual-not-lower: a lower residual passes, and does not count as a second likelihood', async () => {
        const document = await buildPlan('risk Panne { likelihood 2 impact 4 residual likelihood 1 impact 4 }');
        expect(withCode(document, 'residual-not-lower')).toHaveLength(0);
        expect(withCode(document, 'duplicate-property')).toHaveLength(0);
    });
});

describe('untested-fallback', () => {
    const plan = (tested: string): string => `
plan "P" { date 2026-05-12 }
activity Paie { criticality critical uses App }
asset App { depends on Srv }
asset Srv { }
fallback Sauvegarde { covers Srv ${tested} }`;

    it('fires one day beyond 12 months before the plan date, on tested', async () => {
        const document = await buildPlan(plan('tested 2025-05-11'));
        const diagnostic = single(document, 'untested-fallback');
        expect(rangeText(document, diagnostic)).toBe('2025-05-11');
        expect(diagnostic.message).toBe('Sauvegarde was last tested on 2025-05-11, more than 12 months before the plan date 2026-05-12.');
    });

    it('passes when tested exactly 12 months before the plan date', async () => {
        const document = await buildPlan(plan('tested 2025-05-12'));
        expect(withCode(document, 'untested-fallback')).toHaveLength(0);
    });

    it('fires on the name when there is no tested date', async () => {
        const document = await buildPlan(plan(''));
        const diagnostic = single(document, 'untested-fallback');
        expect(rangeText(document, diagnostic)).toBe('Sauvegarde');
        expect(diagnostic.message).toContain('Sauvegarde');
    });

    it('12 months before 29 February is 28 February', async () => {
        const boundary = await buildPlan(plan('tested 2027-02-28').replace('2026-05-12', '2028-02-29'));
        expect(withCode(boundary, 'untested-fallback')).toHaveLength(0);
        const dayBefore = await buildPlan(plan('tested 2027-02-27').replace('2026-05-12', '2028-02-29'));
        expect(withCode(dayBefore, 'untested-fallback')).toHaveLength(1);
    });

    it('does not fire for a fallback that protects only high activities', async () => {
        const document = await buildPlan(plan('').replace('critical', 'high'));
        expect(withCode(document, 'untested-fallback')).toHaveLength(0);
    });
});

describe('crisis organisation', () => {
    it('manual-without-catchup, on manual', async () => {
        const document = await buildPlan('activity Factures { manual "Carnet à souches" }');
        const diagnostic = single(document, 'manual-without-catchup');
        expect(rangeText(document, diagnostic)).toBe('"Carnet à souches"');
        expect(diagnostic.message).toContain('Factures');
    });

    it('manual-without-catchup: a catchup procedure passes', async () => {
        const document = await buildPlan('activity Factures { manual "x" catchup Ressaisie }\nprocedure Ressaisie { phase after }');
        expect(withCode(document, 'manual-without-catchup')).toHaveLength(0);
    });

    it('no-crisis-organisation: no crisis block, on the plan title', async () => {
        const document = await buildPlan('plan "Mon plan" { }');
        const diagnostic = single(document, 'no-crisis-organisation');
        expect(rangeText(document, diagnostic)).toBe('"Mon plan"');
    });

    it('no-crisis-organisation: names the missing parts', async () => {
        const document = await buildPlan('plan "P" { }\nrole DG { phone "1" }\ncrisis { activation DG }');
        const diagnostic = single(document, 'no-crisis-organisation');
        expect(diagnostic.message).toBe('The crisis organisation lacks alert and pilot.');
        expect(rangeText(document, diagnostic)).toBe('crisis');
    });

    it('no-crisis-organisation and no-crisis-communication: a complete organisation passes', async () => {
        const document = await buildPlan(`plan "P" { }${quietCrisis}`);
        expect(withCode(document, 'no-crisis-organisation')).toHaveLength(0);
        expect(withCode(document, 'no-crisis-communication')).toHaveLength(0);
        expect(withCode(document, 'no-deputy')).toHaveLength(0);
        expect(withCode(document, 'unreachable-contact')).toHaveLength(0);
    });

    it('no-deputy: the role that activates the plan', async () => {
        const document = await buildPlan('role DG { phone "1" }\nrole DSI { phone "2" deputy DG }\ncrisis { activation DG pilot DSI }');
        const diagnostic = single(document, 'no-deputy');
        expect(rangeText(document, diagnostic)).toBe('DG');
        expect(diagnostic.message).toBe('DG (activation) has no deputy: nobody takes over if DG is unavailable.');
    });

    it('no-deputy: team members and alert recipients need no deputy', async () => {
        const document = await buildPlan('role A { phone "1" }\nrole B { phone "2" }\ncrisis { alert "x" to A team A, B }');
        expect(withCode(document, 'no-deputy')).toHaveLength(0);
    });

    it('unreachable-contact: a team member without phone', async () => {
        const document = await buildPlan('role Compta { }\ncrisis { team Compta }');
        const diagnostic = single(document, 'unreachable-contact');
        expect(rangeText(document, diagnostic)).toBe('Compta');
        expect(diagnostic.message).toBe('Compta (crisis team) has no phone number.');
    });

    it('unreachable-contact (v2): the recipient of an alert needs a phone too', async () => {
        const document = await buildPlan('role Accueil { }\ncrisis { alert "x" to Accueil }');
        expect(single(document, 'unreachable-contact').message).toBe('Accueil (alert) has no phone number.');
    });

    it('unreachable-contact: a role with no crisis function needs no phone', async () => {
        const document = await buildPlan('role Accueil { }\ncrisis { alert "x" }');
        expect(withCode(document, 'unreachable-contact')).toHaveLength(0);
    });

    it('no-crisis-communication: an audience without clients or staff does not count', async () => {
        const document = await buildPlan('plan "P" { }\nfallback Presse { type communication audience press, suppliers }');
        const diagnostic = single(document, 'no-crisis-communication');
        expect(rangeText(document, diagnostic)).toBe('"P"');
    });
});

describe('fallbacks', () => {
    it('self-dependent-fallback, on depends on', async () => {
        const document = await buildPlan('asset Srv { }\nasset Nas { }\nfallback Snap { covers Srv depends on Nas, Srv }');
        const diagnostic = single(document, 'self-dependent-fallback');
        expect(rangeText(document, diagnostic)).toBe('Nas, Srv');
        expect(diagnostic.message).toBe('Snap depends on Srv, which it is meant to recover: Snap → Srv.');
    });

    it('self-dependent-fallback: depending on something else passes', async () => {
        const document = await buildPlan('asset Srv { }\nasset Nas { }\nfallback Snap { covers Srv depends on Nas }');
        expect(withCode(document, 'self-dependent-fallback')).toHaveLength(0);
    });

    it('no-offline-backup counts the backups', async () => {
        const document = await buildPlan('plan "P" { }\nfallback A { type backup }\nfallback B { type backup }');
        const diagnostic = single(document, 'no-offline-backup');
        expect(diagnostic.message).toContain('(A and B)');
        expect(rangeText(document, diagnostic)).toBe('backup');
    });

    it('no-offline-backup: one offsite backup, or no backup at all, passes', async () => {
        const withOffsite = await buildPlan('plan "P" { }\nfallback A { type backup }\nfallback B { type backup offsite }');
        expect(withCode(withOffsite, 'no-offline-backup')).toHaveLength(0);
        const none = await buildPlan('plan "P" { }\nfallback A { type failover }');
        expect(withCode(none, 'no-offline-backup')).toHaveLength(0);
    });
});

describe('structure', () => {
    it('dependency-cycle terminates, is reported, and the plan is still analysed', async () => {
        const document = await buildPlan(`
activity Paie { criticality high uses A }
asset A { depends on B }
asset B { depends on C }
asset C { depends on A }`);
        const cycles = withCode(document, 'dependency-cycle');
        expect(cycles).toHaveLength(3);
        expect(cycles[0].severity).toBe(1);
        expect(rangeText(document, cycles[0])).toBe('B');
        expect(cycles[0].message).toBe('Dependency cycle: A → B → C → A.');
        const uncovered = single(document, 'uncovered-dependency');
        expect(uncovered.message).toContain('A, B and C');
    });

    it('dependency-cycle: a diamond is not a cycle', async () => {
        const document = await buildPlan('asset A { depends on B, C }\nasset B { depends on D }\nasset C { depends on D }\nasset D { }');
        expect(withCode(document, 'dependency-cycle')).toHaveLength(0);
    });

    it('dependency-cycle: an asset depending on itself', async () => {
        const document = await buildPlan('asset A { depends on A }');
        expect(single(document, 'dependency-cycle').message).toBe('Dependency cycle: A → A.');
    });

    it('level-out-of-scale on risks, residuals and impact lines', async () => {
        const document = await buildPlan(`
risk R { likelihood 5 impact 2 residual likelihood 1 impact 0 }
activity A { impact { financial 7 after 4h } }`);
        const found = withCode(document, 'level-out-of-scale');
        expect(found.map(d => rangeText(document, d))).toEqual(['5', '0', '7']);
        expect(found[0].message).toBe('likelihood 5 is outside the likelihood scale (1 to 4).');
        expect(found.every(d => d.severity === 1)).toBe(true);
    });

    it('level-out-of-scale: a level of a custom 5-level scale passes', async () => {
        const document = await buildPlan(`
scale likelihood { 1 "a" 2 "b" 3 "c" 4 "d" 5 "e" }
risk R { likelihood 5 impact 4 }`);
        expect(withCode(document, 'level-out-of-scale')).toHaveLength(0);
    });

    it('invalid-scale: gaps, duplicates and too few levels', async () => {
        const gap = await buildPlan('scale impact { 1 "a" 2 "b" 4 "d" }');
        expect(single(gap, 'invalid-scale').message).toContain('level 3 is missing');
        const duplicate = await buildPlan('scale impact { 1 "a" 2 "b" 2 "c" 3 "d" }');
        expect(single(duplicate, 'invalid-scale').message).toBe('Level 2 appears twice in the impact scale.');
        const few = await buildPlan('scale likelihood { 1 "a" 2 "b" }');
        const diagnostic = single(few, 'invalid-scale');
        expect(diagnostic.message).toContain('2 levels');
        expect(rangeText(few, diagnostic)).toBe('likelihood');
    });

    it('invalid-scale: 3 to 6 levels numbered from 1 pass', async () => {
        const document = await buildPlan('scale impact { 1 "a" 2 "b" 3 "c" }\nscale likelihood { 1 "a" 2 "b" 3 "c" 4 "d" 5 "e" 6 "f" }');
        expect(withCode(document, 'invalid-scale')).toHaveLength(0);
    });

    it('duplicate-name on the second element of the same kind', async () => {
        const document = await buildPlan('asset ERP { }\nasset ERP { kind saas }');
        const diagnostic = single(document, 'duplicate-name');
        expect(diagnostic.range.start).toEqual({ line: 1, character: 6 });
        expect(diagnostic.message).toBe('Another asset is already named ERP (in this file).');
        expect(elementOf(diagnostic)).toBe('ERP');
    });

    it('duplicate-name: a role and an asset may share a name (confusing-name only)', async () => {
        const document = await buildPlan('role DSI { }\nasset DSI { }');
        expect(withCode(document, 'duplicate-name')).toHaveLength(0);
        const diagnostic = single(document, 'confusing-name');
        expect(diagnostic.range.start).toEqual({ line: 1, character: 6 });
        expect(diagnostic.message).toBe('DSI names elements of two kinds (asset and role): allowed, but readers may confuse them.');
    });

    it('duplicate-property on the second occurrence', async () => {
        const document = await buildPlan('activity A { rto 4h rpo 1h rto 8h }');
        const diagnostic = single(document, 'duplicate-property');
        expect(rangeText(document, diagnostic)).toBe('8h');
        expect(diagnostic.message).toBe('\'rto\' is given twice in A; keep one.');
    });

    it('duplicate-property: repeatable lines are not duplicates', async () => {
        const document = await buildPlan(`
activity A { impact { financial 2 after 4h financial 4 after 2d legal 3 } }
procedure P { step "a" step "b" }
crisis { alert "a" alert "b" }
exception "x"
exception "y"`);
        expect(withCode(document, 'duplicate-property')).toHaveLength(0);
    });

    it('unused-asset is an info on the name', async () => {
        const document = await buildPlan('plan "P" { }\nasset Fax { }');
        const diagnostic = single(document, 'unused-asset');
        expect(rangeText(document, diagnostic)).toBe('Fax');
        expect(diagnostic.message).toBe('Fax is not used by any activity, fallback or risk.');
    });

    it('unused-asset: used through depends on, by a fallback, or targeted by a risk', async () => {
        const document = await buildPlan(`
activity A { uses App }
asset App { depends on Srv }
asset Srv { }
asset Covered { }
asset Needed { }
fallback F { covers Covered depends on Needed }
asset Target { }
risk R { targets Target }`);
        expect(withCode(document, 'unused-asset')).toHaveLength(0);
    });

    it('stale-plan: the review is before the plan date', async () => {
        const document = await buildPlan('plan "P" { date 2026-06-30 review 2026-01-15 }');
        const diagnostic = single(document, 'stale-plan');
        expect(rangeText(document, diagnostic)).toBe('2026-01-15');
        expect(diagnostic.message).toContain('2026-01-15');
        expect(diagnostic.message).toContain('2026-06-30');
    });

    it('stale-plan: a review on the plan date passes', async () => {
        const document = await buildPlan('plan "P" { date 2026-06-30 review 2026-06-30 }');
        expect(withCode(document, 'stale-plan')).toHaveLength(0);
    });

    it('duplicate-element on the second plan of a file', async () => {
        const document = await buildPlan('plan "Un" { }\nplan "Deux" { }');
        const diagnostic = single(document, 'duplicate-element');
        expect(rangeText(document, diagnostic)).toBe('"Deux"');
        expect(diagnostic.message).toContain('second plan');
    });

    it('unused-asset: never for an inventory file alone', async () => {
        const document = await buildPlan('asset Fax { }');
        expect(withCode(document, 'unused-asset')).toHaveLength(0);
    });
});

describe('messages in French', () => {
    it('follow the plan\'s language', async () => {
        const document = await buildPlan(`
plan "P" { language fr }
activity Paie { criticality high rto 4h rpo 1h owner DG uses Srv }
role DG { }
asset Srv { }
fallback Lent { covers Srv rto 1.5d rpo 1h }`);
        expect(single(document, 'rto-gap').message).toBe('Paie exige une DMIA (RTO) de 4 h, '
            + 'mais rien ne la reprend directement dans un délai indiqué '
            + '(aucun secours actif qui la couvre avec un rto, aucun mode manuel avec \'within\') ; '
            + 'rétablir ses ressources prend 36 h : Srv 36 h (Lent).');
        expect(single(document, 'no-crisis-organisation').message).toContain('bloc crisis');
    });

    it('the override wins over the plan\'s language', async () => {
        const english = await buildPlan('plan "P" { language fr }\nrisk Crue { likelihood 3 impact 3 }', 'en');
        expect(single(english, 'unmitigated-risk').message).toBe('Crue scores 9 (unacceptable) and has no \'mitigated by\'.');
        const french = await buildPlan('plan "P" { language en }\nrisk Crue { likelihood 3 impact 3 }', 'fr');
        expect(single(french, 'unmitigated-risk').message).toBe('Crue a un score de 9 (élevé) et aucun \'mitigated by\'.');
    });

    it('French for unknown values and durations', async () => {
        const document = await buildPlan('plan "P" { language fr }\nactivity A { criticality urgente rto 4 }');
        expect(single(document, 'unknown-value').message).toContain('critical, high, medium, low');
        expect(single(document, 'missing-unit').message).toBe('Une durée a besoin d\'une unité : ajoutez-la, par ex. 4h (min, h, d ou w).');
    });
});
