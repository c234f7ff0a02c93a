import { describe, expect, test } from 'vitest';
import { highlightHelper, expectSemanticToken } from 'langium/test';
import { SemanticTokenTypes, type CompletionItem, type InlayHint } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { praCodes, structuralCodes } from '../../packages/language/src/pra-codes.js';
import { vocabulary } from '../../packages/language/src/pra-vocabulary.js';
import { buildFiles, buildPlan, createTestServices } from '../helpers.js';
import { cursor, format, one } from './lsp-helpers.js';

/** A version 2 plan: every new construct at least once. */
const base = `plan "P" { date 2026-06-01 owner DG }
role DG "Direction" { phone "1" }
role DSI "IT" { phone "2" }
asset ERP "Sales" { kind saas }
asset Net "Internet" { kind internet }
activity Orders "Orders" { owner DG rto 4h uses ERP }
fallback Backup "Backup" { type backup covers ERP rto 2h rpo 1h }
fallback Spare "Spare line" { type network covers Net }
risk Ransom "Ransomware" { targets ERP }
`;

async function complete(marked: string): Promise<CompletionItem[]> {
    const { text, offset } = cursor(marked);
    const services = createTestServices();
    const document = (await buildFiles(services, { 'plan.pra': text }))['plan.pra'];
    const list = await services.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset)
    });
    return list?.items ?? [];
}
const labels = async (marked: string): Promise<string[]> => (await complete(marked)).map(i => i.label);

describe('completion of the version 2 constructs', () => {
    test('after accept: the codes that can be accepted, never a structural one', async () => {
        const items = await complete(`${base}activity X {\n    accept <|>\n}`);
        const codes = items.map(i => i.label);
        expect(codes).toEqual(praCodes.filter(c => !structuralCodes.has(c)));
        expect(codes).toEqual(expect.arrayContaining(['rto-gap', 'untested-fallback', 'outdated-plan']));
        expect(codes).not.toContain('duplicate-name');
        expect(codes).not.toContain('unused-acceptance');
        expect(items.find(i => i.label === 'rto-gap')!.detail).toBe('Recovery slower than the required RTO');
        expect(await labels(`${base}activity X {\n    accept rto<|>\n}`)).toContain('rto-gap');
        expect(await labels(`${base}activity X { accept <|>\n}`)).toContain('rto-gap');
        // Near miss: the word inside a text is not an accept line.
        expect(await labels(`${base}activity X {\n    notes "we accept <|>\n}`)).not.toContain('rto-gap');
    });

    test('an accept line: by, then roles, then until', async () => {
        expect(await labels(`${base}activity X {\n    accept rto-gap "ok" <|>\n}`)).toContain('by');
        const roles = await labels(`${base}activity X {\n    accept rto-gap "ok" by <|>\n}`);
        expect(roles.sort()).toEqual(['DG', 'DSI']);
        expect(await labels(`${base}activity X {\n    accept rto-gap "ok" by DG <|>\n}`)).toContain('until');
        // accept is repeatable: still offered after one.
        expect(await labels(`${base}activity X {\n    accept rto-gap "ok" by DG\n    <|>\n}`)).toContain('accept');
    });

    test.each([
        ['fallback X {\n    status <|>\n}', vocabulary.status],
        ['exercise X {\n    type <|>\n}', vocabulary.exerciseType],
        ['fallback X {\n    type <|>\n}', vocabulary.fallbackType],
        ['asset X {\n    kind <|>\n}', vocabulary.assetKind]
    ])('enum values from the vocabulary: %s', async (element, expected) => {
        expect(await labels(`${base}${element}`)).toEqual([...expected]);
    });

    test('near miss: an exercise type is not a fallback type', async () => {
        const values = await labels(`${base}exercise X {\n    type <|>\n}`);
        expect(values).not.toContain('backup');
        expect(values).toContain('full-scale');
    });

    test('measured rto and rpo, each until written', async () => {
        expect((await labels(`${base}exercise X {\n    measured <|>\n}`)).sort()).toEqual(['rpo', 'rto']);
        expect(await labels(`${base}exercise X {\n    measured rto 2h\n    <|>\n}`)).toContain('measured');
        const after = await labels(`${base}exercise X {\n    measured rto 2h\n    measured <|>\n}`);
        expect(after).toContain('rpo');
        expect(after).not.toContain('rto');
        expect(await labels(`${base}exercise X {\n    measured rto 2h\n    measured rpo 1h\n    <|>\n}`)).not.toContain('measured');
    });

    test('failed: only what the exercise tests', async () => {
        const failed = await labels(`${base}exercise X {\n    tests Backup\n    result partial\n    failed <|>\n}`);
        expect(failed).toEqual(['Backup']);
        expect(failed).not.toContain('Spare');
    });

    test('references of the new properties are of the right kind', async () => {
        expect(await labels(`${base}exercise X {\n    scenario <|>\n}`)).toEqual(['Ransom']);
        expect(await labels(`${base}activity X {\n    needs <|>\n}`)).toEqual(['Orders']);
        expect((await labels(`${base}activity X {\n    helper <|>\n}`)).filter(l => /^[A-Z]/.test(l)).sort()).toEqual(['DG', 'DSI']);
        const depends = await labels(`${base}fallback X {\n    depends on <|>\n}`);
        expect(depends.sort()).toEqual(['Backup', 'ERP', 'Net', 'Spare']);
        expect(await labels(`${base}fallback Backup2 {\n    depends on Backup, <|>\n}`)).not.toContain('Backup');
        expect((await labels(`${base}procedure P {\n    step "a" by DG, <|>\n}`))).toEqual(['DSI']);
        expect((await labels(`${base}plan "Q" {\n    approval <|>\n}`)).sort()).toEqual(['DG', 'DSI']);
    });

    test('keywords of the new properties where they fit', async () => {
        const asset = await labels(`${base}asset X {\n    <|>\n}`);
        expect(asset).toEqual(expect.arrayContaining(['stateless', 'contract', 'response', 'availability', 'accept', 'notes']));
        const activity = await labels(`${base}activity X {\n    <|>\n}`);
        expect(activity).toEqual(expect.arrayContaining(['helper', 'needs', 'loss', 'accept']));
        expect(activity).not.toContain('stateless');
        const plan = await labels(`${base.replace('plan "P" { date 2026-06-01 owner DG }', '')}plan "P" {\n    context "a"\n    <|>\n}`);
        expect(plan).toEqual(expect.arrayContaining(['context', 'assumption', 'revision', 'approval', 'accept']));
        const crisis = await labels('crisis {\n    trigger "a"\n    <|>\n}');
        expect(crisis).toEqual(expect.arrayContaining(['trigger', 'standdown', 'alert']));
        expect(crisis).not.toContain('accept');
        const fallback = await labels(`${base}fallback X {\n    <|>\n}`);
        expect(fallback).toEqual(expect.arrayContaining(['status', 'due', 'reason']));
        const exercise = await labels(`${base}exercise X {\n    <|>\n}`);
        expect(exercise).toEqual(expect.arrayContaining(['type', 'scenario', 'measured', 'failed']));
    });

    test('within after a manual workaround and after an alert recipient; deadline and parallel in a procedure', async () => {
        expect(await labels(`${base}activity X {\n    manual "paper" <|>\n}`)).toContain('within');
        expect(await labels(`${base}crisis {\n    alert "call" to DG <|>\n}`)).toContain('within');
        expect(await labels(`${base}procedure P {\n    step "a" by DG <|>\n}`)).toEqual(expect.arrayContaining(['within', 'deadline']));
        const procedure = await labels(`${base}procedure P {\n    <|>\n}`);
        expect(procedure).toEqual(expect.arrayContaining(['step', 'parallel']));
        expect(await labels(`${base}procedure P {\n    parallel {\n        <|>\n    }\n}`)).toContain('step');
    });

    test('loss periods and units after deadline', async () => {
        expect(await labels(`${base}activity X {\n    loss 45000 EUR per <|>\n}`)).toEqual([...vocabulary.lossPeriod]);
        expect(await labels(`${base}activity X {\n    loss 45000 per h<|>\n}`)).toEqual([...vocabulary.lossPeriod]);
        const cost = await labels(`${base}fallback X {\n    cost 1200 EUR per <|>\n}`);
        expect(cost).toEqual(expect.arrayContaining(['year', 'month']));
        expect(cost).not.toContain('day');
        expect(await labels(`${base}procedure P {\n    step "a" deadline 72<|>\n}`)).toEqual(['72min', '72h', '72d', '72w']);
    });

    test('snippets of the new blocks inside the blocks they belong to, not at the top level', async () => {
        const procedure = await complete(`${base}procedure P {\n    par<|>\n}`);
        const parallel = procedure.find(i => i.label === 'parallel' && i.kind === 15);
        expect((parallel?.textEdit as { newText: string } | undefined)?.newText).toMatch(/^parallel \{\n {4}step "\$\{1:/);
        const activity = await complete(`${base}activity X {\n    acc<|>\n}`);
        expect(activity.some(i => i.kind === 15 && (i.textEdit as { newText: string }).newText.startsWith('accept ${1:rto-gap}')))
            .toBe(true);
        const plan = await complete('plan "P" {\n    rev<|>\n}');
        expect(plan.some(i => i.kind === 15 && (i.textEdit as { newText: string }).newText.startsWith('revision "${1:1.0}"'))).toBe(true);
        const top = await complete(`${base}\n<|>`);
        expect(top.filter(i => i.kind === 15).map(i => i.label)).not.toContain('parallel');
        expect(activity.filter(i => i.kind === 15).map(i => i.label)).not.toContain('revision');
    });
});

async function hover(marked: string, today = '2026-11-30'): Promise<string> {
    const { text, offset } = cursor(marked);
    const services = createTestServices();
    services.PraSettings.today = today;
    const document = (await buildFiles(services, { 'plan.pra': text }))['plan.pra'];
    const result = await services.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset)
    });
    return result ? (result.contents as { value: string }).value : '';
}

describe('hover of the version 2 constructs', () => {
    test('a fallback that is an option: status, reason, never counted', async () => {
        const text = await hover(`${base}fallback Fibre "Second fibre" { type network status option reason "Too expensive" covers Net }\n`
            + 'risk R { mitigated by Fib<|>re }');
        expect(text).toContain('Status: option — shown, never counted in figures. Reason: Too expensive');
        const planned = await hover(`${base}fallback Fibre { type network status planned due 2027-03-31 covers Net }\n`
            + 'risk R { mitigated by Fib<|>re }');
        expect(planned).toContain('Status: planned — shown, never counted in figures. Due: 2027-03-31.');
        expect(await hover(`${base}risk R { mitigated by Back<|>up }`)).toContain('Status: active (in place, counted).');
    });

    test('a fallback whose latest exercise failed counts as untested; a later pass clears it', async () => {
        const failed = await hover(`${base}exercise E1 { date 2026-03-01 tests Backup result failed }\nrisk R { mitigated by Back<|>up }`);
        expect(failed).toContain('Last exercise E1 (2026-03-01): failed — counts as untested until a later passed test.');
        expect(failed).toContain('Exercises: E1');
        const passed = await hover(`${base}exercise E1 { date 2026-03-01 tests Backup result failed }\n`
            + 'exercise E2 { date 2026-04-01 tests Backup result passed }\nrisk R { mitigated by Back<|>up }');
        expect(passed).not.toContain('counts as untested');
        expect(passed).toContain('Last tested: 2026-04-01');
    });

    test('an exercise: type, measured figures and the result of each element', async () => {
        const text = await hover(`${base}exercise Dr<|>ill { date 2026-05-01 type functional scenario Ransom tests Backup, Spare `
            + 'result partial failed Spare measured rto 5h measured rpo 2h }');
        expect(text).toContain('Type: functional · date: 2026-05-01 · result: partial');
        expect(text).toContain('Scenario: Ransom');
        expect(text).toContain('Measured: rto 5 h, rpo 2 h');
        expect(text).toContain('- Backup: passed');
        expect(text).toContain('- Spare: partial');
        expect(text).not.toContain('does not count');
        const future = await hover(`${base}exercise Dr<|>ill { date 2026-09-01 tests Backup result passed }`);
        expect(future).toContain('Type: walkthrough');
        expect(future).toContain('Dated after the plan date (2026-06-01): it does not count as a test.');
    });

    test('an accept line: what it accepts, or that it is unused or expired', async () => {
        const activity = (accept: string) => `${base}activity Slow { owner DG criticality high rto 1h rpo 4h uses ERP\n    ${accept}\n}`;
        const used = await hover(activity('acc<|>ept rto-gap "Degraded mode" by DG until 2027-06-30'));
        expect(used).toContain('**accept rto-gap** — Recovery slower than the required RTO');
        expect(used).toContain('On Slow, accepted by DG until 2027-06-30: Degraded mode');
        expect(used).toMatch(/Accepts: Slow requires RTO 1 h/);
        const unused = await hover(activity('accept rpo-gap "Nothing to accept" by <|>DG')
            .replace('<|>DG', 'DG').replace('accept rpo-gap', 'accept rpo-<|>gap'));
        expect(unused).toContain('Unused: there is no rpo-gap finding on Slow; remove the line.');
        const expired = await hover(activity('accept rto-gap "Old" by DG until 2026-01-01 // <|>')
            .replace('// <|>', '').replace('"Old"', '"O<|>ld"'));
        expect(expired).toContain('Expired on 2026-01-01: the finding is reported again.');
    });

    test('an activity with a broken asset path shows no figure from that path', async () => {
        const text = await hover(`${base}asset Legacy { kind server }\n`
            + 'activity Bil<|>ling { criticality high rto 4h rpo 1h uses ERP, Legacy }');
        expect(text).toContain('| RTO | 4 h | — |');
        expect(text).toContain('Asset path: cannot recover Legacy (no active fallback)');
        expect(text).not.toContain('2 h (assets');
        expect(text).toContain('- Legacy: rto no active fallback, rpo no active fallback');
        expect(text).toContain('- ERP: rto 2 h (Backup), rpo 1 h (Backup)');
        const partly = await hover(`${base}fallback Old { type restore covers Legacy }\nasset Legacy { kind server }\n`
            + 'activity Bil<|>ling { rto 4h uses ERP, Legacy }');
        expect(partly).toContain('| RTO | 4 h | at least 2 h (assets, slowest via Backup) |');
        expect(partly).toContain('- Legacy: rto not stated, rpo not stated');
        const direct = await hover(`${base}fallback Site { type site covers Billing rto 1h }\n`
            + 'activity Bil<|>ling { rto 4h manual "paper" within 30min }');
        expect(direct).toContain('Direct path: Site, manual workaround — RTO 30 min, RPO —');
        expect(direct).toContain('| RTO | 4 h | 30 min (direct: manual workaround) |');
    });
});

async function hints(text: string): Promise<string[]> {
    const services = createTestServices();
    const document = (await buildFiles(services, { 'plan.pra': text }))['plan.pra'];
    const result: InlayHint[] = await services.lsp.InlayHintProvider!.getInlayHints(document, {
        textDocument: { uri: document.uri.toString() },
        range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) }
    }) ?? [];
    return result.map(h => String(h.label));
}

describe('inlay hints after rto and rpo', () => {
    test('the direct path: a manual workaround within its time', async () => {
        expect(await hints(`${base}activity A {\n    rto 4h\n    manual "paper" within 1h\n}`)).toContain('1 h direct (manual workaround)');
    });

    test('the asset path, with ≥ when partly unstated', async () => {
        const found = await hints(`${base}activity A {\n    rto 4h\n    rpo 4h\n    uses ERP\n}`);
        expect(found).toEqual(expect.arrayContaining(['2 h via assets (Backup)', '1 h via assets (Backup)']));
        const partly = await hints(`${base}fallback Old { type restore covers Legacy }\nasset Legacy { kind server }\nactivity A {\n`
            + '    rto 4h\n    uses ERP, Legacy\n}');
        expect(partly).toContain('≥ 2 h via assets (Backup)');
    });

    test('near miss: none from a broken asset path, none when unknown', async () => {
        const broken = 'asset ERP { kind saas }\nfallback Backup { type backup covers ERP rto 2h rpo 1h }\nasset Legacy { kind server }\n';
        expect(await hints(`${broken}activity A {\n    rto 4h\n    rpo 4h\n    uses ERP, Legacy\n}`)).toEqual([]);
        expect(await hints(`${broken}activity A {\n    rto 4h\n    rpo 4h\n    uses ERP\n}`))
            .toEqual(['2 h via assets (Backup)', '1 h via assets (Backup)']);
        expect(await hints('activity A {\n    rto 4h\n    manual "paper"\n}')).toEqual([]);
    });
});

describe('formatting the version 2 constructs', () => {
    const messy = `plan "P" { owner DG date 2026-06-01
 context "Road freight"  revision "1.0" 2026-11-30 "First" by DG
approval DG 2026-12-02 accept outdated-plan "Reviewed" by DG until 2027-06-30 }
role DG { phone "1" }
asset Scan { kind mobile stateless contract "C-1" response 4h availability 99.9% }
activity Plan-A { manual "paper" within 1h helper DG needs Plan-B loss 45000 EUR per day
 accept rto-gap "Degraded mode" by DG until 2027-06-30 // why
}
activity Plan-B { rto 4h }
procedure Failover { step "Declare" by DG deadline 72h
  parallel { step "Calls" by DG within 30min
  // both at once
  step "VPN" by DG, DG within 2h }
 step "Resume" by DG within 1h }
crisis { alert "Call" to DG within 15min trigger "TMS down" standdown "Back" }
fallback Fibre { status option due 2027-03-31 reason "Costly" depends on Scan }
exercise Drill { type functional measured rto 5h measured rpo 2h tests Fibre result partial failed Fibre }`;

    test('parallel blocks indented, accept, revision and approval lines, comments kept, idempotent', async () => {
        const services = createTestServices();
        const once = await format(services, await one(services, messy));
        expect(once).toBe(`plan "P" {
    owner    DG
    date     2026-06-01
    context  "Road freight"
    revision "1.0" 2026-11-30 "First" by DG
    approval DG 2026-12-02
    accept outdated-plan "Reviewed" by DG until 2027-06-30
}
role DG {
    phone "1"
}
asset Scan {
    kind         mobile
    stateless
    contract     "C-1"
    response     4h
    availability 99.9%
}
activity Plan-A {
    manual "paper" within 1h
    helper DG
    needs  Plan-B
    loss   45000 EUR per day
    accept rto-gap "Degraded mode" by DG until 2027-06-30 // why
}
activity Plan-B {
    rto 4h
}
procedure Failover {
    step "Declare" by DG deadline 72h
    parallel {
        step "Calls" by DG     within 30min
        // both at once
        step "VPN"   by DG, DG within 2h
    }
    step "Resume" by DG within 1h
}
crisis {
    alert     "Call" to DG within 15min
    trigger   "TMS down"
    standdown "Back"
}
fallback Fibre {
    status     option
    due        2027-03-31
    reason     "Costly"
    depends on Scan
}
exercise Drill {
    type         functional
    measured rto 5h
    measured rpo 2h
    tests        Fibre
    result       partial
    failed       Fibre
}`);
        expect(await format(services, await one(services, once))).toBe(once);
    });

    test('near miss: a parallel block already in shape is left as it is', async () => {
        const services = createTestServices();
        const tidy = 'procedure P {\n    parallel {\n        step "a"\n        step "b"\n    }\n}';
        expect(await format(services, await one(services, tidy))).toBe(tidy);
    });
});

describe('semantic tokens of the version 2 constructs', () => {
    test('status, exercise type and accepted code are enum values; new keywords are keywords', async () => {
        const tokens = await highlightHelper(createTestServices())(
            'role DG { phone "1" }\nfallback F { status <|option|> }\nexercise E { type <|functional|> }\n'
            + 'activity A { accept <|rto-gap|> "x" by DG <|until|> 2027-01-01 }\n'
            + 'procedure P { <|parallel|> { step "a" <|deadline|> <|72h|> } }\nasset S { availability <|99.9%|> }');
        expectSemanticToken(tokens, { rangeIndex: 0, tokenType: SemanticTokenTypes.enumMember });
        expectSemanticToken(tokens, { rangeIndex: 1, tokenType: SemanticTokenTypes.enumMember });
        expectSemanticToken(tokens, { rangeIndex: 2, tokenType: SemanticTokenTypes.enumMember });
        expectSemanticToken(tokens, { rangeIndex: 3, tokenType: SemanticTokenTypes.keyword });
        expectSemanticToken(tokens, { rangeIndex: 4, tokenType: SemanticTokenTypes.keyword });
        expectSemanticToken(tokens, { rangeIndex: 5, tokenType: SemanticTokenTypes.keyword });
        expectSemanticToken(tokens, { rangeIndex: 6, tokenType: SemanticTokenTypes.number });
        expectSemanticToken(tokens, { rangeIndex: 7, tokenType: SemanticTokenTypes.number });
    });

    test('near miss: an enum value parsed as a keyword stays an enum value', async () => {
        const tokens = await highlightHelper(createTestServices())('procedure P { phase <|after|> }\nexercise E { result <|failed|> }');
        expectSemanticToken(tokens, { rangeIndex: 0, tokenType: SemanticTokenTypes.enumMember });
        expectSemanticToken(tokens, { rangeIndex: 1, tokenType: SemanticTokenTypes.enumMember });
    });
});

describe('rename through the version 2 references', () => {
    const text = `plan "P" {
    owner DG
    revision "1.0" 2026-11-30 "First" by DG
    approval DG 2026-12-02
    accept outdated-plan "Reviewed" by DG
}
role DG { phone "1" }
asset ERP { kind saas }
activity Orders { rto 4h uses ERP }
activity Billing { helper DG needs Orders accept rto-gap "ok" by DG }
fallback Backup { type backup covers ERP }
fallback Site { type site covers Billing depends on Backup, ERP }
risk Ransom { targets ERP mitigated by Backup }
procedure P { step "a" by DG, DG parallel { step "b" by DG } }
exercise E { scenario Ransom tests Backup result partial failed Backup }
`;
    async function rename(needle: string, shift: number, newName: string): Promise<string> {
        const services = createTestServices();
        const document = (await buildFiles(services, { 'plan.pra': text }))['plan.pra'];
        const edit = await services.lsp.RenameProvider!.rename(document, {
            textDocument: { uri: document.uri.toString() },
            position: document.textDocument.positionAt(text.indexOf(needle) + shift), newName
        });
        return TextDocument.applyEdits(document.textDocument, edit!.changes![document.uri.toString()]);
    }

    test('a role: in accept by, approval, revision by, helper and step by lists', async () => {
        const renamed = await rename('role DG', 6, 'Direction');
        expect(renamed).toBe(text.replace(/\bDG\b/g, 'Direction'));
        expect(renamed.match(/Direction/g)).toHaveLength(10);
    });

    test('an activity in needs, a fallback in depends on and failed, a risk in scenario', async () => {
        expect(await rename('activity Orders', 10, 'Commandes')).toBe(text.replace(/\bOrders\b/g, 'Commandes'));
        expect(await rename('fallback Backup', 10, 'Copie')).toBe(text.replace(/\bBackup\b/g, 'Copie'));
        expect(await rename('risk Ransom', 6, 'Rancon')).toBe(text.replace(/\bRansom\b/g, 'Rancon'));
    });

    test('near miss: renaming a role leaves an asset of another name alone, and a keyword is refused', async () => {
        const renamed = await rename('role DG', 6, 'Direction');
        expect(renamed).toContain('asset ERP');
        const services = createTestServices();
        const document = (await buildFiles(services, { 'plan.pra': text }))['plan.pra'];
        await expect(services.lsp.RenameProvider!.rename(document, {
            textDocument: { uri: document.uri.toString() },
            position: document.textDocument.positionAt(text.indexOf('role DG') + 6), newName: 'parallel'
        })).rejects.toThrow("'parallel' is not a valid name");
    });
});

describe('parser messages of the version 2 constructs', () => {
    const errors = async (text: string): Promise<string[]> => {
        const document = await buildPlan(text);
        return [...document.parseResult.lexerErrors.map(e => e.message), ...document.parseResult.parserErrors.map(e => e.message)];
    };

    test('a percentage with a space, or without its number', async () => {
        expect(await errors('asset A { availability 99.9 % }')).toContain('Write % right after the number, without a space: 99.9%.');
        expect(await errors('asset A { availability % }')).toEqual([
            'A percentage is a number glued to %, e.g. 99.9%.',
            'Expected a percentage after \'availability\' but found \'}\': write a number glued to %, e.g. 99.9%.'
        ]);
    });

    test('by without a role, status without a value, parallel without its brace', async () => {
        expect(await errors('role DG { }\nactivity X { accept rto-gap "x" by }')).toEqual([
            'Expected the name of a role after \'by\' but found \'}\': write e.g. by DSI (a role declared with \'role\').'
        ]);
        expect(await errors('fallback F { status }')).toEqual([
            'Expected a value after \'status\' but found \'}\': use one of active, planned, option, rejected.'
        ]);
        expect((await errors('procedure P { parallel step "a" }'))[0])
            .toBe('Expected \'{\' after \'parallel\' but found \'step\': open the block, e.g. parallel { … }.');
        expect((await errors('exercise E { type }'))[0]).toContain('tabletop, walkthrough, functional, full-scale (in an exercise)');
    });

    test('near miss: the same lines written correctly have no error', async () => {
        expect(await errors('role DG { }\nasset A { availability 99.9% }\nactivity X { accept rto-gap "x" by DG }\n'
            + 'fallback F { status option }\nprocedure P { parallel { step "a" } }')).toEqual([]);
    });
});
