/**
 * LANGUAGE.md, Version 2, "Accepted findings": `accept <code> "<reason>" by <Role> [until <date>]`,
 * unused-acceptance, expired-acceptance, cannot-accept, and "precise readings" (message without
 * `until`, unknown codes, plan-wide codes accepted in the `plan` block). Today is 2026-12-01
 * (`PraSettings.today`) unless a test says otherwise.
 */
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { describe, expect, it } from 'vitest';
import { acceptedOf, all, element, expectFigure, lineOf, none, one, plan, plain } from './v2-helpers.js';

/** Paie requires 2 h; its only recovery, Papier, takes 24 h: one rto-gap (warning) on Paie. */
const gapPlan = (accept: string): string => `
role DG { }
activity Paie { rto 2h
    ${accept}
}
fallback Papier { covers Paie rto 1d }`;

/** The only finding of `code`, whatever its severity (accepted findings are Information). */
function only(document: LangiumDocument, code: string): Diagnostic {
    const found = all(document, code);
    expect(found, `one ${code}`).toHaveLength(1);
    return found[0];
}

function dataSeverity(diagnostic: Diagnostic): string | undefined {
    return (diagnostic.data as { severity?: string }).severity;
}

/** The range lies on the `accept` line (each test writes its accept alone on its line) and within its text. */
function expectOnAcceptLine(document: LangiumDocument, diagnostic: Diagnostic, acceptText: string): void {
    const line = lineOf(document, acceptText);
    expect(diagnostic.range.start.line).toBe(line);
    expect(diagnostic.range.end.line).toBe(line);
    const covered = document.textDocument.getText(diagnostic.range);
    expect(covered.trim()).not.toBe('');
    expect(acceptText).toContain(covered);
}

describe('an accepted finding', () => {
    it('stays, with severity Information, the prefix "Accepted by <role> until <date>: <reason> — ", '
        + 'data.accepted and the original severity', async () => {
        const document = await plan(gapPlan('accept rto-gap "Mode dégradé tenu par le service" by DG until 2027-06-30'));
        const gap = only(document, 'rto-gap');
        expect(gap.code).toBe('rto-gap');
        expect(gap.severity).toBe(3);
        expect(plain(gap.message).startsWith('Accepted by DG until 2027-06-30: Mode dégradé tenu par le service — ')).toBe(true);
        // The finding's own message follows the prefix.
        expectFigure(gap.message, '24 h');
        expect(acceptedOf(gap)).toEqual({ by: 'DG', until: '2027-06-30', reason: 'Mode dégradé tenu par le service' });
        expect(dataSeverity(gap)).toBe('warning');
        expect(element(gap)).toBe('Paie');
        none(document, 'unused-acceptance');
        none(document, 'expired-acceptance');
    });

    it('"precise readings": without `until` the prefix is "Accepted by <role>: <reason> — "', async () => {
        const document = await plan(gapPlan('accept rto-gap "Risque assumé" by DG'));
        const gap = only(document, 'rto-gap');
        expect(gap.severity).toBe(3);
        expect(plain(gap.message).startsWith('Accepted by DG: Risque assumé — ')).toBe(true);
        const accepted = acceptedOf(gap)!;
        expect(accepted.by).toBe('DG');
        expect(accepted.reason).toBe('Risque assumé');
        expect(accepted.until).toBeUndefined();
    });

    it('an accepted error keeps "error" as its original severity and is shown as Information', async () => {
        const document = await plan(`
role DG { }
activity Paie { criticality critical accept critical-without-fallback "Activité arrêtable une semaine" by DG until 2027-06-30 }`);
        const diagnostic = only(document, 'critical-without-fallback');
        expect(diagnostic.severity).toBe(3);
        expect(dataSeverity(diagnostic)).toBe('error');
        expect(acceptedOf(diagnostic)?.by).toBe('DG');
    });

    it('an `until` equal to today is not before today: still accepted', async () => {
        const document = await plan(gapPlan('accept rto-gap "Jusqu\'à ce soir" by DG until 2026-12-01'), { today: '2026-12-01' });
        expect(only(document, 'rto-gap').severity).toBe(3);
        none(document, 'expired-acceptance');
    });

    it('near miss: an accept on another element does not accept the finding (and is unused)', async () => {
        const document = await plan(`
role DG { }
activity Paie { rto 2h }
fallback Papier { covers Paie rto 1d accept rto-gap "Mauvais élément" by DG }`);
        const gap = one(document, 'rto-gap', 'warning');
        expect(acceptedOf(gap)).toBeUndefined();
        expect(plain(gap.message)).not.toMatch(/^Accepted/);
        expect(element(one(document, 'unused-acceptance', 'info'))).toBe('Papier');
    });
});

describe('expired-acceptance', () => {
    it('an `until` before today brings the finding back with its original severity, and warns on the accept line', async () => {
        const acceptText = 'accept rto-gap "Mode dégradé" by DG until 2026-06-30';
        const document = await plan(gapPlan(acceptText), { today: '2026-12-01' });
        const gap = one(document, 'rto-gap', 'warning');
        expect(acceptedOf(gap)).toBeUndefined();
        expect(plain(gap.message)).not.toMatch(/^Accepted/);
        const expired = one(document, 'expired-acceptance', 'warning');
        expect(element(expired)).toBe('Paie');
        expectOnAcceptLine(document, expired, acceptText);
        expect(expired.message).toContain('rto-gap');
        expect(expired.message).toContain('2026-06-30');
    });

    it('today comes from the setting: the same accept is valid on an earlier day', async () => {
        const document = await plan(gapPlan('accept rto-gap "Mode dégradé" by DG until 2026-06-30'), { today: '2026-06-01' });
        none(document, 'expired-acceptance');
        expect(only(document, 'rto-gap').severity).toBe(3);
    });
});

describe('unused-acceptance', () => {
    it('an accept matching no finding of that code on that element is an info on the accept line, naming the code', async () => {
        const acceptText = 'accept rto-gap "Plus nécessaire" by DG';
        const document = await plan(`
role DG { }
activity Paie { rto 2d
    ${acceptText}
}
fallback Papier { covers Paie rto 1d }`);
        none(document, 'rto-gap');
        const unused = one(document, 'unused-acceptance', 'info');
        expect(element(unused)).toBe('Paie');
        expectOnAcceptLine(document, unused, acceptText);
        expect(unused.message).toContain('rto-gap');
    });
});

describe('cannot-accept', () => {
    it('a structural code (duplicate-name) cannot be accepted: an error, and the finding stays an error', async () => {
        const acceptText = 'accept duplicate-name "Deux ERP" by DG';
        const document = await plan(`
role DG { }
asset ERP { kind saas }
asset ERP { kind saas
    ${acceptText}
}`);
        const cannot = one(document, 'cannot-accept', 'error');
        expect(element(cannot)).toBe('ERP');
        expectOnAcceptLine(document, cannot, acceptText);
        expect(cannot.message).toContain('duplicate-name');
        const duplicate = one(document, 'duplicate-name', 'error');
        expect(acceptedOf(duplicate)).toBeUndefined();
    });

    it('dependency-cycle cannot be accepted either', async () => {
        const document = await plan(`
role DG { }
asset A { depends on A accept dependency-cycle "Voulu" by DG }`);
        expect(one(document, 'cannot-accept', 'error').message).toContain('dependency-cycle');
        for (const cycle of all(document, 'dependency-cycle')) expect(cycle.severity).toBe(1);
    });

    it('linking errors cannot be accepted', async () => {
        const document = await plan(`
role DG { }
asset Srv {
    accept linking-error "Nom provisoire" by DG
}`);
        expect(one(document, 'cannot-accept', 'error').message).toContain('linking-error');
    });

    it('near miss: a warning code is acceptable (no cannot-accept)', async () => {
        const document = await plan(gapPlan('accept rto-gap "Assumé" by DG'));
        none(document, 'cannot-accept');
    });
});

describe('an accept naming an unknown code', () => {
    it('is an error on the accept whose message lists the valid codes ("precise readings")', async () => {
        const document = await plan(gapPlan('accept rto-gapp "Faute de frappe" by DG'), { allow: ['unknown-value'] });
        const line = lineOf(document, 'accept rto-gapp');
        const errors = (document.diagnostics ?? []).filter(d => d.severity === 1 && d.range.start.line === line);
        expect(errors, JSON.stringify(document.diagnostics?.map(d => d.message))).toHaveLength(1);
        const [error] = errors;
        expect(error.message).toContain('rto-gapp');
        for (const valid of ['rto-gap', 'uncovered-dependency', 'no-offline-backup']) expect(error.message).toContain(valid);
        // The real rto-gap is not accepted by a misspelt code.
        expect(only(document, 'rto-gap').severity).toBe(2);
    });
});

describe('plan-wide codes are accepted in the `plan` block', () => {
    it('no-offline-backup accepted in the plan block', async () => {
        const document = await plan(`
plan "P" { date 2026-11-28 accept no-offline-backup "Copie hors ligne commandée" by DG until 2027-03-31 }
role DG { }
fallback Locale { type backup rto 4h }`);
        const diagnostic = only(document, 'no-offline-backup');
        expect(diagnostic.severity).toBe(3);
        expect(plain(diagnostic.message).startsWith('Accepted by DG until 2027-03-31: Copie hors ligne commandée — ')).toBe(true);
        expect(element(diagnostic)).toBeUndefined();
        none(document, 'unused-acceptance');
    });

    it('near miss: a plan-wide code accepted on an element accepts nothing', async () => {
        const document = await plan(`
plan "P" { date 2026-11-28 }
role DG { }
fallback Locale { type backup rto 4h accept no-offline-backup "Au mauvais endroit" by DG }`);
        expect(acceptedOf(one(document, 'no-offline-backup', 'warning'))).toBeUndefined();
        expect(element(one(document, 'unused-acceptance', 'info'))).toBe('Locale');
    });
});

describe('accepted findings in a French plan', () => {
    it('the prefix is French ("Accepté par …")', async () => {
        const document = await plan(`plan "P" { language fr }${gapPlan('accept rto-gap "Mode dégradé" by DG until 2027-06-30')}`);
        const gap = only(document, 'rto-gap');
        expect(gap.severity).toBe(3);
        expect(plain(gap.message)).toMatch(/^Accepté par DG/);
        expect(acceptedOf(gap)?.reason).toBe('Mode dégradé');
    });
});

describe('"The element of each finding" decides where its accept is written', () => {
    const cases: Array<{ code: string; where: string; text: (accept: string) => string }> = [
        {
            code: 'untested-fallback', where: 'the fallback',
            text: a => `plan "P" { date 2026-11-28 }
activity Paie { criticality critical rto 1d uses Srv }
asset Srv { }
fallback Sauvegarde { covers Srv rto 4h
    ${a}
}`
        },
        {
            code: 'failed-exercise', where: 'the fallback tested (not the exercise)',
            text: a => `plan "P" { date 2026-11-28 }
fallback Sauvegarde { rto 4h
    ${a}
}
exercise Echec { date 2026-06-01 tests Sauvegarde result failed }`
        },
        {
            code: 'future-exercise', where: 'the exercise',
            text: a => `plan "P" { date 2026-11-28 }
fallback Sauvegarde { rto 4h }
exercise Futur { date 2027-01-15 tests Sauvegarde result passed
    ${a}
}`
        },
        {
            code: 'unreachable-contact', where: 'the role',
            text: a => `role Accueil {
    ${a}
}
crisis { alert "x" to Accueil }`
        },
        {
            code: 'procedure-exceeds-rto', where: 'the procedure',
            text: a => `activity Quai { rto 1h }
procedure Reprise { phase during for Quai step "a" within 2h
    ${a}
}`
        },
        {
            code: 'risk-exceeds-mtpd', where: 'the risk',
            text: a => `risk Panne { likelihood 2 impact 2 downtime 5d targets Srv
    ${a}
}
asset Srv { }
activity Stock { rto 1d mtpd 2d uses Srv }`
        },
        {
            code: 'exercise-programme', where: 'the activity',
            text: a => `plan "P" { date 2026-11-28 }
activity Paie { criticality critical rto 1d uses Srv
    ${a}
}
asset Srv { }
fallback Sauvegarde { covers Srv rto 4h tested 2026-10-01 }`
        },
        {
            code: 'outdated-plan', where: 'the plan block (plan-wide)',
            text: a => `plan "P" { date 2025-01-01
    ${a}
}`
        }
    ];

    for (const { code, where, text } of cases) {
        it(`${code} is accepted on ${where}`, async () => {
            const accept = `accept ${code} "Assumé par la direction" by Boss`;
            const document = await plan(`role Boss { phone "0" }\n${text(accept)}`);
            const finding = only(document, code);
            expect(finding.severity).toBe(3);
            expect(acceptedOf(finding)?.by).toBe('Boss');
            none(document, 'unused-acceptance');
        });
    }

    it('an accept names one code: the other findings of that element stay', async () => {
        const document = await plan(`
role DG { }
activity Paie { rto 2h rpo 1h uses Db
    accept rto-gap "Mode dégradé" by DG
}
asset Db { kind data }
fallback DbRestore { covers Db rto 1d rpo 1d }`);
        expect(only(document, 'rto-gap').severity).toBe(3);
        expect(acceptedOf(one(document, 'rpo-gap', 'warning'))).toBeUndefined();
    });

    it('duplicate-element cannot be accepted in the plan block', async () => {
        const document = await plan(`
plan "Un" {
    accept duplicate-element "Deux plans voulus" by DG
}
plan "Deux" { }
role DG { }`);
        expect(one(document, 'cannot-accept', 'error').message).toContain('duplicate-element');
        one(document, 'duplicate-element', 'error');
    });
});
