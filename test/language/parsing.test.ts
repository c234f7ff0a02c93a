import type { LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import { ast } from '../../packages/language/src/index.js';
import { codeOf } from '../../packages/language/src/pra-check-report.js';
import { PraLexerErrorMessageProvider } from '../../packages/language/src/pra-parser-messages.js';
import { PraSettings } from '../../packages/language/src/pra-settings.js';
import { buildPlan, codes, withCode } from '../helpers.js';
import { contractExample } from './contract-example.js';

describe('parsing', () => {
    it('turns durations into minutes and dates into calendar dates', async () => {
        const document = await buildPlan(`
            plan "P" { date 2026-11-28 }
            activity Paie "Paie" { rto 1.5h rpo 15min mtpd 2d }
            fallback F { rto 1w tested 2026-02-28 }`);
        const file = document.parseResult.value as ast.PraFile;
        const activity = file.elements[1] as ast.Activity;
        expect(activity.rto[0].minutes).toBe(90);
        expect(activity.rpo[0].minutes).toBe(15);
        expect(activity.mtpd[0].minutes).toBe(2880);
        const fallback = file.elements[2] as ast.Fallback;
        expect(fallback.rto[0].minutes).toBe(10080);
        expect(fallback.tested[0].toISOString()).toBe('2026-02-28T00:00:00.000Z');
        expect(document.parseResult.parserErrors).toHaveLength(0);
    });

    it('says "add a unit" for a bare number where a duration belongs', async () => {
        const document = await buildPlan('activity A { rto 4 }');
        const [diagnostic] = withCode(document, 'missing-unit');
        expect(diagnostic.message).toContain('4h');
        expect(document.parseResult.parserErrors).toHaveLength(0);
    });

    it('accepts accented and hyphenated names', async () => {
        const document = await buildPlan('asset Serveur-Fichiers { kind server }\nrisk Rançongiciel { targets Serveur-Fichiers }');
        expect(codes(document)).not.toContain('linking-error');
        expect(document.parseResult.parserErrors).toHaveLength(0);
    });
});

describe('every construct of the contract', () => {
    it('parses the contract\'s example without a syntax or linking error', async () => {
        const document = await buildPlan(contractExample);
        expect(document.parseResult.lexerErrors).toHaveLength(0);
        expect(document.parseResult.parserErrors).toHaveLength(0);
        expect(codes(document)).not.toContain('linking-error');
        expect(codes(document)).not.toContain('duplicate-property');
        expect(codes(document)).not.toContain('unknown-value');
    });

    it('reads every element and property into the AST', async () => {
        const file = (await buildPlan(contractExample)).parseResult.value as ast.PraFile;
        const named = <T extends ast.Element>(type: T['$type'], name?: string): T =>
            file.elements.find(e => e.$type === type && (name === undefined || (e as { name?: string }).name === name)) as T;
        const plan = named<ast.Plan>('Plan');
        expect(plan.title).toBe('Plan de secours informatique 2027');
        expect(plan.organisation).toEqual(['Cabinet Martin & Associés']);
        expect(plan.version).toEqual(['1.3']);
        expect(plan.date[0].toISOString().slice(0, 10)).toBe('2026-11-28');
        expect(plan.language).toEqual(['fr']);
        expect(plan.owner[0].ref?.name).toBe('DSI');
        expect(plan.review[0].toISOString().slice(0, 10)).toBe('2027-06-01');

        const scales = file.elements.filter(ast.isScale);
        expect(scales.map(s => s.axis)).toEqual(['likelihood', 'impact']);
        expect(scales[0].levels.map(l => [l.value, l.label]))
            .toEqual([[1, 'Unlikely'], [2, 'Likely'], [3, 'Very likely'], [4, 'Almost certain']]);
        const acceptance = named<ast.Acceptance>('Acceptance');
        expect([acceptance.tolerable, acceptance.unacceptable]).toEqual([[4], [9]]);

        const role = named<ast.Role>('Role', 'DSI');
        expect([role.title, role.holder[0], role.phone[0], role.email[0]]).toEqual([
            'Directeur des systèmes d\'information', 'Paul Martin', '+33 6 12 34 56 78', 'p.martin@cabinet-martin.example']);
        expect(role.deputy[0].ref?.name).toBe('RespInfra');
        expect(role.external).toHaveLength(1);

        const asset = named<ast.Asset>('Asset', 'ERP');
        expect([asset.kind[0], asset.provider[0], asset.sla[0].minutes, asset.count[0]]).toEqual(['saas', 'Éditeur X', 480, 25]);
        expect(asset.dependsOn[0].refs.map(r => r.ref?.name)).toEqual(['Internet', 'SSO']);
        expect(asset.owner[0].ref?.name).toBe('DSI');

        const activity = named<ast.Activity>('Activity', 'Facturation');
        expect([activity.criticality[0], activity.rto[0].minutes, activity.rpo[0].minutes, activity.mtpd[0].minutes])
            .toEqual(['critical', 1440, 240, 4320]);
        expect(activity.impact[0].lines.map(l => [l.category, l.level, l.after?.minutes])).toEqual([
            ['financial', 2, 240], ['financial', 4, 2880], ['legal', 3, undefined], ['reputation', 2, 1440], ['data', 3, undefined]]);
        expect(activity.uses[0].refs.map(r => r.ref?.name)).toEqual(['ERP', 'Postes', 'Internet']);
        expect(activity.manual[0].text).toContain('modèle numéroté');
        expect(activity.catchup[0].ref?.name).toBe('RessaisieFactures');
        expect(activity.helper[0].text).toBe('Cabinet comptable partenaire');

        const risk = named<ast.Risk>('Risk');
        expect(risk.name).toBe('Rançongiciel');
        expect([risk.category[0], risk.likelihood, risk.impact, risk.downtime[0].minutes]).toEqual(['cyber', [3], [4], 7200]);
        expect(risk.targets[0].refs.map(r => r.ref?.name)).toEqual(['FileServer', 'ERP']);
        expect(risk.mitigatedBy[0].refs.map(r => r.ref?.name)).toEqual(['Sauvegarde', 'AssuranceCyber']);
        expect([risk.residual[0].likelihood, risk.residual[0].impact]).toEqual([2, 3]);

        const fallback = named<ast.Fallback>('Fallback', 'Sauvegarde');
        expect([fallback.type[0], fallback.mode[0], fallback.resource[0], fallback.provider[0], fallback.contract[0]])
            .toEqual(['backup', 'technical', 'external', 'Prestataire Y', 'CTR-2024-118']);
        expect(fallback.covers[0].refs.map(r => r.ref?.$type)).toEqual(['Asset', 'Asset']);
        expect([fallback.rto[0].minutes, fallback.rpo[0].minutes]).toEqual([480, 1440]);
        expect([fallback.cost[0].amount, fallback.cost[0].currency, fallback.cost[0].period]).toEqual([1200, 'EUR', 'peryear']);
        expect(fallback.tested[0].toISOString().slice(0, 10)).toBe('2026-05-12');
        expect([fallback.offsite.length, fallback.offline.length]).toEqual([1, 1]);
        expect(fallback.audience[0].values).toEqual(['clients', 'suppliers']);
        expect(named<ast.Fallback>('Fallback', 'AssuranceCyber').covers[0].refs[0].ref?.$type).toBe('Activity');

        const crisis = named<ast.Crisis>('Crisis');
        expect(crisis.alert[0].to?.ref?.name).toBe('DSI');
        expect([crisis.activation[0].ref?.name, crisis.pilot[0].ref?.name]).toEqual(['DG', 'DSI']);
        expect(crisis.team[0].refs.map(r => r.ref?.name)).toEqual(['DG', 'DSI', 'DAF']);
        expect(crisis.meeting[0]).toContain('RDC');

        const procedure = named<ast.Procedure>('Procedure');
        expect(procedure.phase).toEqual(['after']);
        expect(procedure.for[0].refs[0].ref?.name).toBe('Facturation');
        expect(procedure.steps.filter(ast.isStep).map(s => [s.by?.refs[0].ref?.name, s.within?.minutes]))
            .toEqual([['Comptable', 2880], ['DAF', undefined]]);

        const exercise = named<ast.Exercise>('Exercise');
        expect([exercise.date[0].toISOString().slice(0, 10), exercise.tests[0].refs[0].ref?.name, exercise.result[0], exercise.notes[0]])
            .toEqual(['2026-05-12', 'Sauvegarde', 'passed', 'Restauration complète en 6 h']);

        const exceptions = file.elements.filter(ast.isException).map(e => e.text);
        expect(exceptions).toEqual(['Le site vitrine n\'est pas couvert par ce plan', 'Les "postes" personnels \\ non plus']);
    });

    it('reads every duration unit, decimals and zero', async () => {
        const file = (await buildPlan('activity A { rto 0h rpo 15min mtpd 0.5w }\nasset B { sla 1.25d }')).parseResult.value as ast.PraFile;
        const activity = file.elements[0] as ast.Activity;
        expect([activity.rto[0].minutes, activity.rpo[0].minutes, activity.mtpd[0].minutes]).toEqual([0, 15, 5040]);
        expect((file.elements[1] as ast.Asset).sla[0].minutes).toBe(1800);
    });

    it('reads imports at the top of a file', async () => {
        const file = (await buildPlan('import "inventaire.pra"\nimport "sub/roles.pra"\nplan "P" { }')).parseResult.value as ast.PraFile;
        expect(file.imports.map(i => i.path)).toEqual(['inventaire.pra', 'sub/roles.pra']);
    });

    it('accepts names with accents, digits, underscores and hyphens', async () => {
        const document = await buildPlan('asset _Été-2 { }\nasset Sauvegarde_Été { depends on _Été-2 }\n'
            + 'activity Crème-Brûlée { uses Sauvegarde_Été }');
        expect(document.parseResult.parserErrors).toHaveLength(0);
        expect(document.parseResult.lexerErrors).toHaveLength(0);
        expect(codes(document)).not.toContain('linking-error');
    });
});

/** The diagnostics about the syntax or the values of a file, with the text each points at. */
function userErrors(document: LangiumDocument): Array<{ code: string; text: string; message: string }> {
    const errorCodes = new Set([
        'parsing-error', 'lexing-error', 'missing-unit', 'unknown-unit', 'unknown-value', 'invalid-date', 'linking-error'
    ]);
    return (document.diagnostics ?? []).filter(d => errorCodes.has(codeOf(d))).map(d => ({
        code: codeOf(d), text: document.textDocument.getText(d.range), message: typeof d.message === 'string' ? d.message : d.message.value
    }));
}

describe('user errors: one clear diagnostic each, and the rest of the file still checked', () => {
    const after = '\nasset Later { kind servr }';
    const laterError = { code: 'unknown-value', text: 'servr', message: expect.stringContaining('server, saas') };

    it('a bare number where a duration belongs', async () => {
        const errors = userErrors(await buildPlan(`activity A { rto 4 }${after}`));
        expect(errors).toEqual([{ code: 'missing-unit', text: '4', message: expect.stringContaining('4h') }, laterError]);
    });

    it('a unit separated from its number', async () => {
        const errors = userErrors(await buildPlan(`activity A { rto 4 h }${after}`));
        expect(errors).toEqual([
            { code: 'parsing-error', text: 'h', message: 'Write the unit right after the number, without a space: 4h.' },
            laterError
        ]);
    });

    it('unknown units', async () => {
        const errors = userErrors(await buildPlan(`activity A { rto 4hours rpo 3m mtpd 2j }${after}`));
        expect(errors).toEqual([
            {
                code: 'unknown-unit', text: '4hours',
                message: 'Unknown unit \'hours\' in 4hours: use min, h, d (days) or w (weeks), e.g. 4h.'
            },
            { code: 'unknown-unit', text: '3m', message: expect.stringContaining('e.g. 3min') },
            { code: 'unknown-unit', text: '2j', message: expect.stringContaining('e.g. 2d') },
            laterError
        ]);
    });

    it('an unknown enum value lists the allowed values', async () => {
        const errors = userErrors(await buildPlan(`activity A { criticality urgent }\nfallback F { audience staff, everyone }${after}`));
        expect(errors).toEqual([
            { code: 'unknown-value', text: 'urgent', message: 'Unknown criticality \'urgent\': use one of critical, high, medium, low.' },
            {
                code: 'unknown-value', text: 'everyone',
                message: expect.stringContaining('staff, clients, suppliers, authorities, insurers, press')
            },
            laterError
        ]);
    });

    it('a missing enum value lists the allowed values', async () => {
        const errors = userErrors(await buildPlan(`activity A { criticality }${after}`));
        expect(errors).toEqual([
            {
                code: 'parsing-error', text: '}',
                message: 'Expected a value after \'criticality\' but found \'}\': use one of critical, high, medium, low.'
            },
            laterError
        ]);
    });

    it('an unclosed block before the next element', async () => {
        const errors = userErrors(await buildPlan(`activity A { rto 4h\n${after}`));
        expect(errors).toEqual([
            { code: 'parsing-error', text: 'asset', message: 'Unclosed block: add \'}\' to close the activity block before \'asset\'.' },
            laterError
        ]);
    });

    it('an unclosed block at the end of the file', async () => {
        const document = await buildPlan(`${after}\nrole R { phone "1"`);
        const errors = userErrors(document);
        expect(errors).toHaveLength(2);
        expect(errors).toEqual(expect.arrayContaining([laterError,
            { code: 'parsing-error', text: '', message: 'Unclosed block: add \'}\' to close the role block.' }]));
        expect(withCode(document, 'parsing-error')[0].range.start).toEqual({ line: 2, character: 18 });
    });

    it('an unknown property suggests the closest one', async () => {
        const errors = userErrors(await buildPlan(`activity A { critcality high }${after}`));
        expect(errors).toHaveLength(2);
        expect(errors[0]).toMatchObject({ code: 'parsing-error', text: 'critcality' });
        expect(errors[0].message).toContain('is not a property of activity: use owner, criticality, rto');
        expect(errors[0].message).toContain('Did you mean \'criticality\'?');
        expect(errors[1]).toEqual(laterError);
    });

    it('a misspelt element keyword', async () => {
        const errors = userErrors(await buildPlan(`activty A { rto 4h }${after}`));
        expect(errors).toEqual([
            { code: 'parsing-error', text: 'activty', message: expect.stringContaining('Did you mean \'activity\'?') },
            laterError
        ]);
    });

    it('an extra closing brace', async () => {
        const errors = userErrors(await buildPlan(`activity A { }\n}${after}`));
        expect(errors).toEqual([
            { code: 'parsing-error', text: '}', message: 'Extra \'}\': there is no open block to close; remove it.' },
            laterError
        ]);
    });

    it('a stray character', async () => {
        const errors = userErrors(await buildPlan(`activity A { rto 4h ; }${after}`));
        expect(errors).toHaveLength(2);
        expect(errors[0]).toMatchObject({ code: 'lexing-error', text: ';' });
        expect(errors[1]).toEqual(laterError);
    });

    it('an impossible date', async () => {
        const errors = userErrors(await buildPlan(`plan "P" { date 2026-02-30 review 2027-02-28 }${after}`));
        expect(errors).toEqual([
            { code: 'invalid-date', text: '2026-02-30', message: '2026-02-30 is not a calendar date: write YYYY-MM-DD.' },
            laterError
        ]);
    });

    it('a reference to an unknown name keeps Langium\'s linking error', async () => {
        const errors = userErrors(await buildPlan(`activity A { owner Inconnu }${after}`));
        expect(errors).toEqual([
            { code: 'linking-error', text: 'Inconnu', message: expect.stringContaining('Inconnu') },
            laterError
        ]);
    });
});

describe('parser and lexer messages', () => {
    it('speak French with the override', async () => {
        const errors = userErrors(await buildPlan('activity A { rto 4h\nasset B { }', 'fr'));
        expect(errors[0].message).toBe('Bloc non fermé : ajoutez \'}\' pour fermer le bloc activity avant \'asset\'.');
    });

    it('say what to do with an unexpected character', () => {
        const provider = new PraLexerErrorMessageProvider(new PraSettings());
        expect(provider.buildUnexpectedCharactersMessage('rto 4h ;', 7, 1))
            .toBe('Unexpected character \';\': remove it, or put the text in quotes ("…").');
        expect(provider.buildUnexpectedCharactersMessage('notes "abc', 6, 4)).toBe('Unclosed text: add the closing \'"\'.');
    });
});
