/**
 * LANGUAGE.md, Version 2: catchup-not-after, procedure-exceeds-rto (parallel blocks, deadlines),
 * unreachable-contact (plus `alert … to`), several crisis blocks ("more precise readings":
 * completeness judged on all blocks; duplicate-element reports the extra block).
 */
import { describe, expect, it } from 'vitest';
import { element, files, lineOf, none, one, plan, text, expectFigure, expectRangeOn } from './v2-helpers.js';

describe('catchup-not-after', () => {
    it('fires when the catch-up procedure is not of phase after; element = the activity', async () => {
        const document = await plan(`
activity Factures { manual "Carnet à souches" catchup Ressaisie }
procedure Ressaisie { phase during for Factures }`);
        const diagnostic = one(document, 'catchup-not-after', 'warning');
        expect(element(diagnostic)).toBe('Factures');
        expectRangeOn(document, diagnostic, ['Factures', 'Ressaisie']);
        expect(diagnostic.message).toContain('Factures');
        expect(diagnostic.message).toContain('Ressaisie');
    });

    it('fires when the procedure is of phase after but for another activity, or for nothing', async () => {
        const other = await plan(`
activity Factures { manual "Carnet" catchup Ressaisie }
activity Paie { }
procedure Ressaisie { phase after for Paie }`);
        expect(element(one(other, 'catchup-not-after', 'warning'))).toBe('Factures');
        const nothing = await plan(`
activity Factures { manual "Carnet" catchup Ressaisie }
procedure Ressaisie { phase after }`);
        one(nothing, 'catchup-not-after', 'warning');
    });

    it('near miss: phase after and for that activity (among others)', async () => {
        const document = await plan(`
activity Factures { manual "Carnet" catchup Ressaisie }
activity Paie { }
procedure Ressaisie { phase after for Paie, Factures }`);
        none(document, 'catchup-not-after');
    });
});

describe('procedure-exceeds-rto (v2 timing: parallel blocks count their longest step, deadlines count nothing)', () => {
    const procedure = (rto: string): string => `
role Standard { } role Dsi { } role Infogerant { } role Daf { }
activity Quai { rto ${rto} }
procedure Bascule { phase during for Quai
    step "Déclarer l'incident à l'assureur" by Daf deadline 72h
    step "Prévenir les chefs de quai" by Standard within 1h
    parallel {
        step "Renvoyer les appels vers les mobiles" by Standard within 30min
        step "Monter le VPN de secours" by Infogerant, Dsi within 2h
    }
}`;

    it('1 h + parallel { 30 min, 2 h } + deadline 72 h = 3 h: no finding against rto 4h', async () => {
        none(await plan(procedure('4h')), 'procedure-exceeds-rto');
    });

    it('near miss at the boundary: 3 h against rto 3h', async () => {
        none(await plan(procedure('3h')), 'procedure-exceeds-rto');
    });

    it('3 h against rto 2h: fires on the procedure, with "3 h" and the activity\'s rto', async () => {
        const document = await plan(procedure('2h'));
        const diagnostic = one(document, 'procedure-exceeds-rto', 'warning');
        expect(element(diagnostic)).toBe('Bascule');
        expect(text(document, diagnostic)).toBe('Bascule');
        expectFigure(diagnostic.message, '3 h');
        expectFigure(diagnostic.message, '2 h');
        expect(diagnostic.message).toContain('Quai');
        expect(diagnostic.message).not.toContain('75 h');
    });

    it('a deadline step inside a parallel block counts nothing either: '
        + '45 min + parallel { 30 min, deadline 72 h } = 1 h 15 min', async () => {
        const document = await plan(`
activity Quai { rto 1h }
procedure Reprise { phase during for Quai
    step "Prévenir" within 45min
    parallel {
        step "Renvoyer les appels" within 30min
        step "Déclarer à l'assureur" deadline 72h
    }
}`);
        const diagnostic = one(document, 'procedure-exceeds-rto', 'warning');
        expectFigure(diagnostic.message, '1 h 15 min');
    });

    it('"more precise readings": only procedures `for` an activity are compared, with that activity\'s rto', async () => {
        const document = await plan(`
asset Srv { }
activity Quai { rto 1h }
procedure PourSrv { phase during for Srv step "a" within 5h }
procedure Apres { phase after for Quai step "a" within 5h }`);
        none(document, 'procedure-exceeds-rto');
    });
});

describe('unreachable-contact (v1, plus roles named in `alert … to`)', () => {
    it('fires for a role named in an alert without phone; element = the role', async () => {
        const document = await plan(`
role Accueil { }
role DG { phone "1" deputy DSI }
role DSI { phone "2" deputy DG }
crisis { alert "Le témoin appelle l'accueil" to Accueil within 15min activation DG pilot DSI }`);
        const diagnostic = one(document, 'unreachable-contact', 'warning');
        expect(element(diagnostic)).toBe('Accueil');
        expect(text(document, diagnostic)).toBe('Accueil');
        expect(diagnostic.message).toContain('Accueil');
    });

    it('near miss: the alerted role has a phone', async () => {
        const document = await plan(`
role Accueil { phone "+33 4 00 00 00 00" }
crisis { alert "x" to Accueil within 15min }`);
        none(document, 'unreachable-contact');
    });
});

describe('several crisis blocks', () => {
    it('completeness is judged on all blocks together; duplicate-element reports the extra block, on its keyword', async () => {
        const document = await plan(`
plan "P" { }
role DG { phone "1" deputy DSI }
role DSI { phone "2" deputy DG }
crisis { alert "Appeler le DSI" to DSI }
crisis { activation DG pilot DSI team DG, DSI }`);
        none(document, 'no-crisis-organisation');
        const duplicate = one(document, 'duplicate-element', 'error');
        expect(text(document, duplicate)).toBe('crisis');
        expect(duplicate.range.start.line).toBe(lineOf(document, 'crisis {', 2));
        expect(element(duplicate)).toBeUndefined();
    });

    it('near miss: a single complete block has no duplicate-element; both blocks lacking pilot still lack it', async () => {
        const single = await plan(`
plan "P" { }
role DG { phone "1" deputy DSI }
role DSI { phone "2" deputy DG }
crisis { alert "Appeler le DSI" to DSI activation DG pilot DSI }`);
        none(single, 'duplicate-element');
        const lacking = await plan(`
plan "P" { }
role DG { phone "1" }
crisis { alert "Appeler le DG" to DG }
crisis { activation DG }`);
        const diagnostic = one(lacking, 'no-crisis-organisation', 'warning');
        expect(diagnostic.message).toContain('pilot');
        expect(diagnostic.message).not.toContain('alert');
        expect(diagnostic.message).not.toContain('activation');
    });

    it('every check reads the extra block: its pilot without deputy and its alerted role without phone are reported', async () => {
        const document = await plan(`
plan "P" { }
role DG { phone "1" deputy Adjoint }
role Adjoint { phone "3" deputy DG }
role DSI { phone "2" }
role Accueil { }
crisis { alert "Appeler le DG" to DG activation DG }
crisis { alert "Appeler l'accueil" to Accueil pilot DSI }`);
        expect(element(one(document, 'no-deputy', 'warning'))).toBe('DSI');
        expect(element(one(document, 'unreachable-contact', 'warning'))).toBe('Accueil');
    });

    it('across files: the importing file\'s block is the second one', async () => {
        const built = await files({
            'organisation.pra': `
role DG { phone "1" deputy DSI }
role DSI { phone "2" deputy DG }
crisis { alert "Appeler le DSI" to DSI activation DG pilot DSI }`,
            'plan.pra': `
import "organisation.pra"
plan "P" { }
crisis { team DG, DSI }`
        });
        none(built['organisation.pra'], 'duplicate-element');
        const duplicate = one(built['plan.pra'], 'duplicate-element', 'error');
        expect(text(built['plan.pra'], duplicate)).toBe('crisis');
    });
});
