/**
 * Issue 13, `pra simulate <plan> --down <Name>[,<Name>…] [--at] [--format text|json|md] [--lang]`:
 * the three formats, names the plan lacks (one line with the close names, exit 2), exit codes.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { praIn, root, type Run } from './cli-helpers.js';



/** The real CLI, as a child process from the repository root. */
const pra = (...args: string[]): Run => praIn(root, ...args);

/** ERP (6 h) runs on Serveur (4 h, waits for nothing); Facturation has a manual workaround within 1 h. */
const planText = `plan "Plan de test" { language fr date 2026-11-01 }
role DSI { phone "1" } role DG { phone "2" }
crisis { alert "Le témoin appelle le DSI" to DSI within 15min  activation DG pilot DSI }
asset Serveur { kind server }
asset ERP { kind application depends on Serveur }
fallback RestaurationServeur { covers Serveur rto 4h rpo 1d }
fallback RestaurationERP { covers ERP rto 6h rpo 4h }
activity Commandes { criticality critical rto 4h mtpd 8h uses ERP loss 1200 EUR per hour }
activity Facturation { criticality high rto 1d mtpd 3d uses ERP manual "Factures papier" within 1h }
risk Panne { likelihood 2 impact 3 targets Serveur, ERP }
procedure Ressaisie { phase after for Facturation step "Ressaisir les factures" by DSI within 2h }
`;

let scratch: string;
let planFile: string;

beforeAll(() => {
    if (!existsSync(path.join(root, 'packages/cli/out/main.js'))) throw new Error('The CLI is not built: run `npm run build` first.');
    scratch = mkdtempSync(path.join(tmpdir(), 'pra-simulate-'));
    planFile = path.join(scratch, 'plan.pra');
    writeFileSync(planFile, planText);
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('pra simulate', () => {
    it('text: a readable timeline in the plan\'s language (French here), exit 0', () => {
        const run = pra('simulate', planFile, '--down', 'Panne', '--at', '2026-12-07T09:00');
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        const lines = run.stdout.split('\n');
        expect(lines[0]).toBe('Simulation de panne — Plan de test');
        expect(lines[1]).toBe('Panne à lun. 2026-12-07 09:00 : Panne (risque : Serveur et ERP).');
        expect(run.stdout).toContain('2 ressources perdues, 0 arrêtées par dépendance, 2 activités touchées.');
        // Restores in parallel: ERP 6 h is the last; Facturation is back by hand after 1 h.
        expect(run.stdout).toMatch(/T\+6 h +lun\. 2026-12-07 15:00 +Commandes reprend avec ses ressources \(la dernière : RestaurationERP\)/);
        expect(run.stdout).toMatch(/T\+1 h +lun\. 2026-12-07 10:00 +Facturation reprend par sa reprise directe \(mode manuel\)/);
        expect(run.stdout).toMatch(/T\+4 h +lun\. 2026-12-07 13:00 +Commandes dépasse sa DMIA \(RTO\)/);
        expect(run.stdout).toContain('Vague 1 : Serveur');
        expect(run.stdout).toContain('Vague 2 : ERP');
        // 1,200 EUR an hour for 6 hours.
        expect(run.stdout).toContain('Coût de l\'interruption : 7');
        expect(run.stdout).toMatch(/7\s200 EUR/);
    });

    it('--lang en speaks English; the best case misses the MTPD of Commandes and says so', () => {
        const run = pra('simulate', planFile, '--down', 'Panne', '--at', '2026-12-07T09:00', '--lang', 'en');
        expect(run.status).toBe(0);
        expect(run.stdout.split('\n')[0]).toBe('Outage simulation — Plan de test');
        // Best case: Serveur 0–4 h, then ERP 4–10 h: 10 h > MTPD 8 h.
        expect(run.stdout).toContain('all restored at T+10 h; critical path Serveur → ERP.');
        expect(run.stdout).toContain('Commandes: even the best case (T+10 h) misses its MTPD (8 h); critical path Serveur → ERP.');
    });

    it('json: the simulation for tools, with exact times in minutes from the start', () => {
        const run = pra('simulate', planFile, '--down', 'Serveur', '--at', '2026-12-07T09:00', '--format', 'json');
        expect(run.status).toBe(0);
        const json = JSON.parse(run.stdout);
        expect(json.version).toBe(1);
        expect(json.start).toBe('2026-12-07T09:00');
        expect(json.down).toEqual([{ name: 'Serveur', kind: 'asset', assets: ['Serveur'] }]);
        expect(json.stopped).toEqual(['ERP']);
        const commandes = json.activities.find((a: { name: string }) => a.name === 'Commandes');
        expect(commandes.back).toEqual({ backMinutes: 240, path: 'asset', via: 'RestaurationServeur' });
        expect(commandes.cost).toEqual({ amount: 4800, currency: 'EUR', atLeast: false });
        expect(json.alerts).toEqual([
            { how: 'Le témoin appelle le DSI', to: 'DSI', withinMinutes: 15, reachedMinutes: 15, atLeast: false }
        ]);
        const ressaisie = json.procedures.find((p: { name: string }) => p.name === 'Ressaisie');
        expect(ressaisie).toMatchObject({ phase: 'after', startMinutes: 60, endMinutes: 180 });
    });

    it('md: Markdown to paste in a report (headings and tables)', () => {
        const run = pra('simulate', planFile, '--down', 'ERP', '--at', '2026-12-07T09:00', '--format', 'md', '--lang', 'en');
        expect(run.status).toBe(0);
        expect(run.stdout.startsWith('## Outage simulation — Plan de test\n')).toBe(true);
        expect(run.stdout).toContain('### Timeline');
        expect(run.stdout).toContain('| When |  | Event |');
        expect(run.stdout).toContain('| ERP | by RestaurationERP in 6 h, from T+0 to T+6 h |');
        expect(run.stdout).toMatch(/\| Commandes \| uses ERP \| back at T\+6 h \(Mon 2026-12-07 15:00\) by its assets/);
        expect(run.stdout).toContain('### Recovery order');
    });

    it('names the plan lacks: one line on stderr listing close names, nothing on stdout, exit 2', () => {
        const run = pra('simulate', planFile, '--down', 'Serveru,Pane,Zzz');
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
        const lines = run.stderr.trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain('Serveru (close: Serveur)');
        expect(lines[0]).toContain('Pane (close: Panne)');
        expect(lines[0]).toContain('Zzz (no close name)');
    });

    it('usage problems exit 2 with one line: no --down, a wrong --at, a wrong format, a missing file', () => {
        for (const args of [
            ['simulate', planFile],
            ['simulate', planFile, '--down', 'ERP', '--at', '2026-02-30T09:00'],
            ['simulate', planFile, '--down', 'ERP', '--format', 'sarif'],
            ['simulate', path.join(scratch, 'missing.pra'), '--down', 'ERP']
        ]) {
            const run = pra(...args);
            expect(run.status, args.join(' ')).toBe(2);
            expect(run.stdout).toBe('');
            expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
        }
    });
});
