/**
 * LANGUAGE.md, Version 2, plan-wide: duplicate-element (replaces `multiple-plans`), outdated-plan
 * (today = `PraSettings.today`), the new syntax of the "New syntax" section, and "Every version 1
 * file stays valid".
 */
import { describe, expect, it } from 'vitest';
import { contractExample } from '../contract-example.js';
import { all, element, files, lineOf, none, one, plain, plan, text } from './v2-helpers.js';

describe('duplicate-element', () => {
    it('a second plan is an error on its title, naming it; multiple-plans is gone', async () => {
        const document = await plan('plan "Un" { }\nplan "Deux" { }');
        const diagnostic = one(document, 'duplicate-element', 'error');
        expect(text(document, diagnostic)).toBe('"Deux"');
        expect(element(diagnostic)).toBeUndefined();
        none(document, 'multiple-plans');
    });

    it('a second `scale likelihood` is an error on the extra block\'s keyword', async () => {
        const document = await plan(`
scale likelihood { 1 "a" 2 "b" 3 "c" 4 "d" }
scale impact { 1 "a" 2 "b" 3 "c" 4 "d" }
scale likelihood { 1 "a" 2 "b" 3 "c" }`);
        const diagnostic = one(document, 'duplicate-element', 'error');
        expect(diagnostic.range.start.line).toBe(lineOf(document, 'scale likelihood', 2));
        expect(text(document, diagnostic)).toBe('scale');
    });

    it('near miss: one scale per axis', async () => {
        const document = await plan(`
scale likelihood { 1 "a" 2 "b" 3 "c" 4 "d" }
scale impact { 1 "a" 2 "b" 3 "c" 4 "d" "Livraisons manquées, pénalités" }`);
        none(document, 'duplicate-element');
    });

    it('a second acceptance is an error on its keyword', async () => {
        const document = await plan(`
acceptance { tolerable from 4 unacceptable from 9 }
acceptance { tolerable from 3 unacceptable from 6 }`);
        const diagnostic = one(document, 'duplicate-element', 'error');
        expect(text(document, diagnostic)).toBe('acceptance');
        expect(diagnostic.range.start.line).toBe(lineOf(document, 'acceptance {', 2));
    });

    it('near miss: one plan, one crisis, one acceptance', async () => {
        const document = await plan(`
plan "P" { }
acceptance { tolerable from 4 unacceptable from 9 }
crisis { alert "x" }`);
        none(document, 'duplicate-element');
    });
});

describe('outdated-plan (today = PraSettings.today)', () => {
    it('fires when the plan date is more than 12 months before today; plan-wide (no element)', async () => {
        const document = await plan('plan "P" { date 2025-11-30 }', { today: '2026-12-01' });
        const diagnostic = one(document, 'outdated-plan', 'warning');
        expect(element(diagnostic)).toBeUndefined();
        expect(diagnostic.message).toContain('2025-11-30');
    });

    it('near miss: a plan date exactly 12 months before today', async () => {
        const document = await plan('plan "P" { date 2025-12-01 }', { today: '2026-12-01' });
        none(document, 'outdated-plan');
    });

    it('fires when the review date is past', async () => {
        const document = await plan('plan "P" { date 2026-06-01 review 2026-11-30 }', { today: '2026-12-01' });
        const diagnostic = one(document, 'outdated-plan', 'warning');
        expect(diagnostic.message).toContain('2026-11-30');
    });

    it('near miss: a review due today, and the same plan judged on an earlier day', async () => {
        const dueToday = await plan('plan "P" { date 2026-06-01 review 2026-12-01 }', { today: '2026-12-01' });
        none(dueToday, 'outdated-plan');
        const earlier = await plan('plan "P" { date 2025-11-30 review 2026-11-30 }', { today: '2026-06-01' });
        none(earlier, 'outdated-plan');
    });

    it('near miss: a plan without date or review', async () => {
        const document = await plan('plan "P" { }', { today: '2040-01-01' });
        none(document, 'outdated-plan');
    });
});

describe('every construct still parses', () => {
    it('the version 1 contract example stays free of syntax and linking errors', async () => {
        const document = await plan(contractExample);
        expect(all(document, 'duplicate-property')).toEqual([]);
    });

    it('the "New syntax" of version 2 parses and links, and repeatable properties are not duplicates', async () => {
        const document = await plan(`
plan "PRA Transports" {
    context "Transporteur routier, 60 personnes, 350 expéditions par jour"
    context "Deux dépôts : Lyon et Vienne"
    assumption "Les deux sites ne sont pas sinistrés en même temps"
    assumption "Le prestataire tient son SLA"
    revision "1.0" 2026-11-30 "Première version" by DSI
    revision "1.1" 2026-12-01 "Relecture"
    approval DG 2026-12-02
    approval DSI 2026-12-02
    date 2026-12-02
}
role DG { phone "1" deputy DSI }
role DSI { phone "2" deputy DG }
role Standard { phone "3" }
role Comptable { phone "4" }
role Infogerant { phone "5" external }
role Chef-Quai { phone "6" }
scale impact { 1 "Mineure" 2 "Significative" 3 "Grave" "Livraisons manquées, pénalités de 10 à 100 k€" 4 "Critique" }
asset Scanners "Terminaux de quai" {
    kind mobile
    stateless
    contract "CTR-2024-118"
    response 4h
    availability 99.9%
}
asset SiteLyon { kind site }
activity Commandes { uses Scanners }
activity Facturation "Facturation" {
    manual "Factures sur carnet numéroté" within 1h
    helper Comptable
    needs Commandes
    loss 45000 EUR per day
    rto 4h
    accept rto-gap "Mode dégradé tenu par le service" by DG until 2027-06-30
    accept uncovered-dependency "Scanners remplacés sous 4 h" by DG
}
fallback PostesSecours { covers SiteLyon rto 1d }
fallback SecondeFibre "Seconde fibre opérateur B" {
    status option
    due 2027-03-31
    reason "Trop cher au regard du risque"
    depends on PostesSecours, SiteLyon
}
procedure Bascule "Bascule" {
    step "Déclarer l'incident à l'assureur" by Comptable deadline 72h
    parallel {
        step "Renvoyer les appels vers les mobiles" by Standard within 30min
        step "Monter le VPN de secours" by Infogerant, DSI within 2h
    }
    step "Reprendre la saisie" by Chef-Quai within 1h
}
crisis {
    alert "Le témoin appelle le standard" to Standard within 15min
    alert "Le standard appelle le DSI" to DSI within 15min
    trigger "Panne du TMS de plus de 2 h en journée"
    trigger "Perte du site de Lyon"
    standdown "Reprise validée par le DSI et le responsable métier"
    activation DG
    pilot DSI
}
risk Rancongiciel { likelihood 2 impact 4 }
exercise Restauration2026 "Exercice" {
    date 2026-06-01
    type functional
    scenario Rancongiciel
    tests PostesSecours, Bascule
    result partial
    failed Bascule
    measured rto 5h
    measured rpo 2h
}`);
        expect(all(document, 'duplicate-property').map(d => d.message)).toEqual([]);
    });
});

describe('value-too-large (a clear error, never Infinity or NaN downstream)', () => {
    const noInfinity = (messages: string[]): void => {
        for (const message of messages) expect(message).not.toMatch(/Infinity|NaN/);
    };

    it('a duration over 100 years, on the value', async () => {
        const document = await plan('activity Archives { rto 40000d }');
        const diagnostic = one(document, 'value-too-large', 'error');
        expect(text(document, diagnostic)).toBe('40000d');
        noInfinity((document.diagnostics ?? []).map(d => plain(d.message)));
    });

    it('a duration too long for a number at all is reported the same way, without Infinity', async () => {
        const huge = '9'.repeat(400);
        const document = await plan(`activity Archives { rto ${huge}h }`);
        one(document, 'value-too-large', 'error');
        noInfinity((document.diagnostics ?? []).map(d => plain(d.message)));
    });

    it('an amount over 10^12 and a level over 100', async () => {
        const document = await plan(`
fallback Cher { cost 2000000000000 EUR per year }
risk Enorme { likelihood 101 impact 2 }`);
        const found = all(document, 'value-too-large');
        // On the value (the amount may carry its currency and period in the range).
        const texts = found.map(d => text(document, d)).sort();
        expect(texts).toHaveLength(2);
        expect(texts[0]).toBe('101');
        expect(texts[1]).toMatch(/^2000000000000/);
        for (const diagnostic of found) expect(diagnostic.severity).toBe(1);
    });

    it('near miss: 98 years, 5 × 10^11 and a level of 100 are not too large', async () => {
        const document = await plan(`
activity Archives { rto 36000d }
fallback Cher { cost 500000000000 EUR per year }
risk Grand { likelihood 100 impact 2 }`);
        none(document, 'value-too-large');
    });
});

describe('import-not-pra', () => {
    it('an import whose path does not end in .pra is an error naming the path; plan-wide (no element)', async () => {
        const document = await plan('import "inventaire.txt"\nplan "P" { }');
        const diagnostic = one(document, 'import-not-pra', 'error');
        expect(diagnostic.message).toContain('inventaire.txt');
        expect(element(diagnostic)).toBeUndefined();
    });

    it('near miss: an import of a .pra file', async () => {
        const built = await files({ 'inventaire.pra': 'asset Srv { }', 'plan.pra': 'import "inventaire.pra"\nplan "P" { }' });
        none(built['plan.pra'], 'import-not-pra');
    });
});

describe('dependency-cycle ("precise readings": also through fallback depends on and needs)', () => {
    it('a cycle of needs between activities', async () => {
        const document = await plan(`
activity Commandes { needs Expedition }
activity Expedition { needs Commandes }`);
        const cycles = all(document, 'dependency-cycle');
        expect(cycles.length).toBeGreaterThan(0);
        for (const cycle of cycles) {
            expect(cycle.severity).toBe(1);
            expect(cycle.message).toContain('Commandes');
            expect(cycle.message).toContain('Expedition');
        }
    });

    it('a cycle through fallback depends on (fallback → fallback)', async () => {
        const document = await plan(`
fallback Replica { depends on Sauvegarde }
fallback Sauvegarde { depends on Replica }`);
        const cycles = all(document, 'dependency-cycle');
        expect(cycles.length).toBeGreaterThan(0);
        expect(cycles[0].message).toContain('Replica');
    });

    it('near miss: a diamond of needs is not a cycle', async () => {
        const document = await plan(`
activity A { needs B, C }
activity B { needs D }
activity C { needs D }
activity D { }`);
        none(document, 'dependency-cycle');
    });
});

describe('unused-asset ("more precise readings": judged in the visible set of the importing plan)', () => {
    it('an inventory asset used by the importing plan is not unused; one nobody uses is', async () => {
        const built = await files({
            'inventaire.pra': 'asset Srv { }\nasset Fax { }',
            'plan.pra': 'import "inventaire.pra"\nplan "P" { }\nactivity Paie { uses Srv }'
        });
        const unused = all(built['inventaire.pra'], 'unused-asset');
        expect(unused.map(element)).toEqual(['Fax']);
        expect(unused[0].severity).toBe(3);
    });
});
