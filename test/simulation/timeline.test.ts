/**
 * Issue 13, "The simulation": hand-worked plans, each time asserted exactly (minutes from the
 * start of the outage). Restores run in parallel, as the plan's figures assume (LANGUAGE.md v2,
 * asset path = the largest best(A).rto of what failed); a fallback that needs a failed asset
 * waits for it.
 */
import { describe, expect, it } from 'vitest';
import { activity, failed, hours, simulate, start } from './simulation-helpers.js';

const chain = `
activity Paie { criticality high rto 8h rpo 4h mtpd 2d uses App }
asset App { kind application depends on Srv }
asset Srv { kind server depends on Net }
asset Net { kind network }
fallback AppRestore { covers App rto 4h rpo 1h }
fallback SrvRestore { covers Srv rto 6h rpo 1d }
fallback NetSpare { covers Net rto 2h }
risk Incendie { category fire likelihood 2 impact 4 targets App, Srv, Net }
`;

describe('a chain of three assets', () => {
    it('all three lost (a risk targets them): restores run in parallel, the activity is back with the slowest', async () => {
        const result = await simulate(chain, 'Incendie');
        expect(result.start).toBe(start);
        expect(result.down).toEqual([{ name: 'Incendie', kind: 'risk', assets: ['App', 'Srv', 'Net'] }]);
        expect(failed(result, 'App').restore).toMatchObject({ state: 'known', via: 'AppRestore', startMinutes: 0, endMinutes: hours(4) });
        expect(failed(result, 'Srv').restore).toMatchObject({ state: 'known', via: 'SrvRestore', startMinutes: 0, endMinutes: hours(6) });
        expect(failed(result, 'Net').restore).toMatchObject({ state: 'known', via: 'NetSpare', startMinutes: 0, endMinutes: hours(2) });
        expect(result.stopped).toEqual([]);
        const paie = activity(result, 'Paie');
        expect(paie.stopMinutes).toBe(0);
        expect(paie.hit).toEqual({ through: 'uses', chain: ['Paie', 'App'] });
        expect(paie.back).toEqual({ backMinutes: hours(6), path: 'asset', via: 'SrvRestore' });
        expect(paie.rto).toEqual({ minutes: hours(8), crossed: 'no' });
        expect(paie.mtpd).toEqual({ minutes: hours(48), crossed: 'no' });
        // Data: App (1 h) and Srv (1 d) hold data; Net is stateless and stops the RPO chain.
        expect(paie.dataLost).toEqual({ minutes: hours(24), atLeast: false, via: 'SrvRestore' });
        expect(result.allBackMinutes).toBe(hours(6));
        expect(result.unknownReturns).toEqual([]);
    });

    it('only the bottom one lost: the two above stop with it and come back with it; no data lost (a network holds none)', async () => {
        const result = await simulate(chain, 'Net');
        expect(result.failed.map(f => f.name)).toEqual(['Net']);
        expect(result.stopped).toEqual(['Srv', 'App']);
        const paie = activity(result, 'Paie');
        expect(paie.hit).toEqual({ through: 'depends on', chain: ['Paie', 'App', 'Srv', 'Net'] });
        expect(paie.back).toEqual({ backMinutes: hours(2), path: 'asset', via: 'NetSpare' });
        expect(paie.dataLost).toEqual({ minutes: 0, atLeast: false });
    });
});

describe('a site', () => {
    it('a site down: what runs on it stops and comes back with it, unless a direct path is ready first', async () => {
        const result = await simulate(`
asset Siege { kind site }
asset Srv { kind server depends on Siege }
asset Poste { kind workstation depends on Siege }
fallback BasculeSite { type site covers Siege rto 1d }
activity Compta { rto 2d uses Srv }
activity Accueil { rto 4h uses Poste manual "Registre papier" within 30min }`, 'Siege');
        expect(result.down).toEqual([{ name: 'Siege', kind: 'asset', assets: ['Siege'] }]);
        expect(result.stopped.sort()).toEqual(['Poste', 'Srv']);
        expect(activity(result, 'Compta').back).toEqual({ backMinutes: hours(24), path: 'asset', via: 'BasculeSite' });
        expect(activity(result, 'Accueil').back).toEqual({ backMinutes: 30, path: 'direct', via: 'manual' });
        // A site holds no data: nothing is lost.
        expect(activity(result, 'Compta').dataLost).toEqual({ minutes: 0, atLeast: false });
    });
});

describe('the direct path', () => {
    const text = `
activity Facturation { criticality critical rto 4h mtpd 1d manual "Factures sur carnet" within 1h uses ERP loss 24000 EUR per day }
activity Paie { rto 8h uses ERP }
asset ERP { kind saas }
fallback ERPRestore { covers ERP rto 1d rpo 4h }
fallback PaieExterne { covers Paie rto 3h rpo 30min }
`;
    it('an activity back by its manual workaround (1 h) long before its asset (24 h); the cost counts that hour only', async () => {
        const result = await simulate(text, 'ERP');
        const facturation = activity(result, 'Facturation');
        expect(facturation.direct).toEqual({ minutes: 60, via: 'manual', delayed: false });
        expect(facturation.assetPath).toEqual({ backMinutes: hours(24), path: 'asset', via: 'ERPRestore' });
        expect(facturation.back).toEqual({ backMinutes: 60, path: 'direct', via: 'manual' });
        expect(facturation.rto?.crossed).toBe('no');
        // 24,000 EUR a day for one hour.
        expect(facturation.cost).toEqual({ amount: 1000, currency: 'EUR', atLeast: false });
        expect(result.costs).toEqual([{ currency: 'EUR', amount: 1000, atLeast: false }]);
        // A manual workaround keeps no data: what ERP loses is lost.
        expect(facturation.dataLost).toEqual({ minutes: hours(4), atLeast: false, via: 'ERPRestore' });
    });

    it('an activity back by a fallback covering it (3 h), which also bounds its data loss (30 min)', async () => {
        const result = await simulate(text, 'ERP');
        const paie = activity(result, 'Paie');
        expect(paie.back).toEqual({ backMinutes: hours(3), path: 'direct', via: 'PaieExterne' });
        expect(paie.dataLost).toEqual({ minutes: 30, atLeast: false, via: 'PaieExterne' });
        expect(result.allBackMinutes).toBe(hours(3));
    });
});

describe('needs', () => {
    it('propagates the outage down a chain of activities, each back when what it needs is back', async () => {
        const result = await simulate(`
activity Commandes { rto 4h uses TMS }
activity Expedition { rto 8h needs Commandes }
activity Facturation { rto 1d needs Expedition uses Compta }
activity Accueil { rto 1h uses Compta }
asset TMS { kind application }
asset Compta { kind application }
fallback TMSRestore { covers TMS rto 6h }
fallback ComptaRestore { covers Compta rto 2h }`, 'TMS');
        expect(result.activities.map(a => a.name)).toEqual(['Commandes', 'Expedition', 'Facturation']);
        expect(activity(result, 'Expedition').hit).toEqual({ through: 'needs', chain: ['Expedition', 'Commandes', 'TMS'] });
        expect(activity(result, 'Facturation').hit).toEqual({ through: 'needs', chain: ['Facturation', 'Expedition', 'Commandes', 'TMS'] });
        for (const name of ['Commandes', 'Expedition', 'Facturation']) {
            expect(activity(result, name).back.backMinutes, name).toBe(hours(6));
        }
        expect(activity(result, 'Commandes').rto?.crossed).toBe('yes');
        expect(activity(result, 'Expedition').rto?.crossed).toBe('no');
        expect(failed(result, 'TMS').activities).toEqual(['Commandes', 'Expedition', 'Facturation']);
    });
});

describe('a broken asset path', () => {
    const text = `
activity Paie { rto 4h mtpd 1d uses App, Db loss 100 EUR per hour }
asset App { kind application }
asset Db { kind data }
fallback DbRestore { covers Db rto 2h }
risk Panne { targets App, Db }
`;
    it('an asset no active fallback covers: restore time unknown, said so, never a figure', async () => {
        const result = await simulate(text, 'Panne');
        expect(failed(result, 'App').restore).toEqual({ state: 'unknown', reason: 'none' });
        const paie = activity(result, 'Paie');
        expect(paie.back).toEqual({ unknownBecause: ['App'] });
        expect(paie.back.backMinutes).toBeUndefined();
        expect(paie.rto?.crossed).toBe('unknown');
        expect(paie.cost).toBeUndefined();
        expect(result.unknownReturns).toEqual(['Paie']);
        expect(result.allBackMinutes).toBeUndefined();
        expect(result.costs).toEqual([{ currency: 'EUR', amount: 0, atLeast: true }]);
    });

    it('fallbacks that state no rto: at least the known restores', async () => {
        const result = await simulate(`${text}\nfallback AppRebuild { covers App }`, 'Panne');
        expect(failed(result, 'App').restore).toEqual({ state: 'unknown', reason: 'unstated', fallbacks: ['AppRebuild'] });
        const paie = activity(result, 'Paie');
        expect(paie.back).toEqual({ atLeast: hours(2), path: 'asset', via: 'DbRestore', unknownBecause: ['App'] });
        // At least 2 h at 100 EUR an hour.
        expect(paie.cost).toEqual({ amount: 200, currency: 'EUR', atLeast: true });
    });

    it('a fallback that needs the asset it restores cannot be used; one that needs another failed asset waits for it', async () => {
        const result = await simulate(`
asset Site { kind site }
asset Srv { kind server depends on Site }
fallback SiteFailover { type site covers Site rto 8h }
fallback Backup { type backup covers Srv rto 2h depends on Site }
fallback Cloud { type restore covers Srv rto 12h }
fallback Local { covers Site rto 1h depends on Srv }
activity X { rto 4h uses Srv }
risk Fire { targets Site, Srv }`, 'Fire');
        // Local needs Srv, which needs the Site it would restore: not usable. SiteFailover: 8 h.
        expect(failed(result, 'Site').restore).toMatchObject({ state: 'known', via: 'SiteFailover', endMinutes: hours(8) });
        // Backup (2 h) needs the Site: 8 h + 2 h = 10 h, sooner than Cloud (12 h).
        expect(failed(result, 'Srv').restore).toEqual({
            state: 'known', via: 'Backup', durationMinutes: hours(2), startMinutes: hours(8), endMinutes: hours(10), waitsFor: ['Site'],
            delayed: true
        });
        expect(activity(result, 'X').back).toEqual({ backMinutes: hours(10), path: 'asset', via: 'Backup' });
        expect(result.impairedFallbacks.sort()).toEqual(['Backup', 'Local']);
    });
});

describe('impacts over time', () => {
    it('each impact level is reached at its `after` while the activity is down, not after it is back', async () => {
        const result = await simulate(`
activity Ventes { rto 4h mtpd 2d uses Web
    impact { financial 1  financial 2 after 4h  financial 3 after 1d  reputation 2 after 2d } }
asset Web { kind application }
fallback WebRestore { covers Web rto 30h }`, 'Web');
        const ventes = activity(result, 'Ventes');
        expect(ventes.back.backMinutes).toBe(hours(30));
        expect(ventes.impacts).toEqual([
            { category: 'financial', level: 1, atMinutes: 0, reached: 'yes' },
            { category: 'financial', level: 2, atMinutes: hours(4), reached: 'yes' },
            { category: 'financial', level: 3, atMinutes: hours(24), reached: 'yes' },
            { category: 'reputation', level: 2, atMinutes: hours(48), reached: 'no' }
        ]);
        expect(ventes.rto).toEqual({ minutes: hours(4), crossed: 'yes' });
        expect(ventes.mtpd).toEqual({ minutes: hours(48), crossed: 'no' });
    });
});

describe('the crisis: alert chain and procedures', () => {
    // The alert chain adds up; a parallel block takes its longest step; a deadline counts from activation.
    it('alerts, parallel steps, deadlines; after-procedures start when the activity is back', async () => {
        const result = await simulate(`
role Standard { } role DSI { } role DG { } role DAF { }
crisis {
    alert "Le témoin appelle le standard" to Standard within 15min
    alert "Le standard appelle le DSI" to DSI within 15min
    activation DG pilot DSI
}
activity Paie { rto 8h uses App }
asset App { kind application }
fallback AppRestore { covers App rto 6h }
procedure Bascule { phase during for Paie
    step "Déclarer l'incident à l'assureur" by DAF deadline 72h
    parallel {
        step "Renvoyer les appels" by Standard within 30min
        step "Monter le VPN de secours" by DSI within 2h
    }
    step "Reprendre la saisie" by DSI within 1h
}
procedure Ressaisie { phase after for Paie step "Ressaisir" by DAF within 4h }
procedure Prevention { phase before for Paie step "Imprimer" by DAF within 1h }
procedure Autre { phase during for Other step "X" by DAF within 1h }
activity Other { rto 1h }`, 'App');
        expect(result.alerts.map(a => [a.to, a.reachedMinutes, a.atLeast])).toEqual([['Standard', 15, false], ['DSI', 30, false]]);
        expect(result.activationMinutes).toBe(30);
        expect(result.procedures.map(p => p.name)).toEqual(['Bascule', 'Ressaisie']);
        const bascule = result.procedures[0];
        expect(bascule).toMatchObject({ phase: 'during', for: ['Paie'], startMinutes: 30, endMinutes: 30 + 180, durationMinutes: 180 });
        expect(bascule.steps.map(s => [s.startMinutes, s.endMinutes, s.dueMinutes ?? null, s.parallel ?? null])).toEqual([
            [30, 30, 30 + hours(72), null],
            [30, 60, null, 1],
            [30, 150, null, 1],
            [150, 210, null, null]
        ]);
        expect(bascule.steps[0].untimed).toBe(true);
        const ressaisie = result.procedures[1];
        expect(ressaisie).toMatchObject({ phase: 'after', startMinutes: hours(6), endMinutes: hours(10), durationMinutes: hours(4) });
    });

    it('a link without `within` makes the times after it lower bounds', async () => {
        const result = await simulate(`
role A { } role B { }
crisis { alert "one" to A alert "two" to B within 10min }
activity P { uses X } asset X { }`, 'X');
        expect(result.alerts.map(a => [a.reachedMinutes, a.atLeast])).toEqual([[0, true], [10, true]]);
        expect(result.activationAtLeast).toBe(true);
    });
});

describe('cycles', () => {
    const cyclic = `
activity Paie { rto 4h uses A }
activity Compta { rto 1d needs Paie }
asset A { depends on B }
asset B { depends on A }
fallback RA { covers A rto 1h }
fallback RB { covers B rto 3h }
risk Both { targets A, B }
`;
    it('a cycle in depends on: the walk ends, the stopped asset comes back with the failed one', async () => {
        const result = await simulate(cyclic, 'A');
        expect(result.stopped).toEqual(['B']);
        expect(activity(result, 'Paie').back.backMinutes).toBe(60);
        expect(activity(result, 'Compta').back.backMinutes).toBe(60);
    });

    it('both members lost: one wave marked as a cycle, restores in parallel in the timeline', async () => {
        const result = await simulate(cyclic, 'Both');
        expect(activity(result, 'Paie').back.backMinutes).toBe(hours(3));
        expect(result.order.waves).toEqual([{ wave: 1, assets: ['A', 'B'], cycle: true }]);
    });

    it('a fallback waiting in a cycle is skipped, and what waits for the asset restored another way starts then', async () => {
        const result = await simulate(`
activity P { uses A, B }
asset A { } asset B { }
fallback RA1 { covers A rto 1h depends on B }
fallback RA2 { covers A rto 5h }
fallback RB { covers B rto 1h depends on A }
risk Both { targets A, B }`, 'Both');
        expect(failed(result, 'A').restore).toMatchObject({ state: 'known', via: 'RA2', startMinutes: 0, endMinutes: hours(5) });
        expect(failed(result, 'B').restore)
            .toMatchObject({ state: 'known', via: 'RB', startMinutes: hours(5), endMinutes: hours(6), waitsFor: ['A'] });
        expect(activity(result, 'P').back.backMinutes).toBe(hours(6));
        // The fallback chosen for A waits for nothing: no cycle left in the recovery order.
        expect(result.order.waves.map(w => [w.assets, w.cycle])).toEqual([[['A'], false], [['B'], false]]);
    });

    it('a cycle of fallbacks needing each other\'s assets ends: neither is usable, said so', async () => {
        const result = await simulate(`
activity P { uses A, B }
asset A { } asset B { }
fallback RA { covers A rto 1h depends on B }
fallback RB { covers B rto 1h depends on A }
risk Both { targets A, B }`, 'Both');
        expect(failed(result, 'A').restore).toEqual({ state: 'unknown', reason: 'blocked', fallbacks: ['RA'], needs: ['B'] });
        expect(failed(result, 'B').restore).toMatchObject({ state: 'unknown', reason: 'blocked' });
        expect(activity(result, 'P').back.backMinutes).toBeUndefined();
    });
});
