/**
 * Issue 13, "Recovery order": the failed assets in waves that can run in parallel, dependencies
 * first, the tightest RTO first among independents; the critical path in the best case (each
 * restore as soon as what it needs is back) and the worst case (one after the other), against each
 * activity's RTO and MTPD; a finding where even the best case misses the MTPD.
 */
import { describe, expect, it } from 'vitest';
import { hours, simulate } from './simulation-helpers.js';

const plan = `
activity Urgent { criticality critical rto 2h mtpd 4h uses U }
activity Lent { criticality low rto 1d mtpd 3d uses L }
activity Dep { criticality high rto 8h mtpd 9h uses App }
asset U { kind application }
asset L { kind application }
asset Base { kind server }
asset App { kind application depends on Base }
fallback RU { covers U rto 3h }
fallback RL { covers L rto 5h }
fallback RB { covers Base rto 4h }
fallback RApp { covers App rto 6h }
risk Tout { targets L, App, U, Base }
`;

describe('recovery order', () => {
    it('dependencies before dependants; among independents the tighter RTO first', async () => {
        const { order } = await simulate(plan, 'Tout');
        expect(order.waves).toEqual([
            // U serves a 2 h RTO, Base serves Dep (8 h) through App, L a day.
            { wave: 1, assets: ['U', 'Base', 'L'], cycle: false },
            { wave: 2, assets: ['App'], cycle: false }
        ]);
        const position = (name: string): number => order.restores.findIndex(r => r.asset === name);
        expect(position('Base')).toBeLessThan(position('App'));
    });

    it('best case: each restore as soon as what it needs is back; worst case: one after the other, in that order', async () => {
        const { order } = await simulate(plan, 'Tout');
        expect(order.restores.map(r => [r.asset, r.wave, r.bestStartMinutes, r.bestEndMinutes, r.worstEndMinutes])).toEqual([
            ['U', 1, 0, hours(3), hours(3)],
            ['Base', 1, 0, hours(4), hours(7)],
            ['L', 1, 0, hours(5), hours(12)],
            ['App', 2, hours(4), hours(10), hours(18)]
        ]);
        expect(order.bestCaseMinutes).toBe(hours(10));
        expect(order.worstCaseMinutes).toBe(hours(18));
        expect(order.criticalPath).toEqual(['Base', 'App']);
        expect(order.atLeast).toBe(false);
    });

    it('each activity against its RTO and MTPD in both cases', async () => {
        const { order } = await simulate(plan, 'Tout');
        const rows = Object.fromEntries(order.activities.map(a => [a.activity, a]));
        expect(rows.Urgent).toMatchObject({
            best: hours(3), worst: hours(3), bestMeetsRto: 'no', bestMeetsMtpd: 'yes', worstMeetsMtpd: 'yes'
        });
        expect(rows.Lent).toMatchObject({ best: hours(5), worst: hours(12), bestMeetsRto: 'yes', worstMeetsRto: 'yes' });
        expect(rows.Dep).toMatchObject({
            best: hours(10), worst: hours(18), bestMeetsRto: 'no', bestMeetsMtpd: 'no', worstMeetsMtpd: 'no'
        });
    });

    it('a finding where even the best case misses the MTPD, with its critical path (not a diagnostic of the plan)', async () => {
        const { order } = await simulate(plan, 'Tout');
        expect(order.findings).toEqual([
            {
                code: 'best-case-misses-mtpd', activity: 'Dep', bestMinutes: hours(10), mtpdMinutes: hours(9), atLeast: false,
                criticalPath: ['Base', 'App']
            }
        ]);
    });

    it('a direct path counts in both cases: a manual workaround within the MTPD spares the finding', async () => {
        const { order } = await simulate(plan.replace('uses App }', 'uses App manual "Papier" within 1h }'), 'Tout');
        const dep = order.activities.find(a => a.activity === 'Dep')!;
        expect(dep).toMatchObject({ best: 60, worst: 60, bestMeetsMtpd: 'yes' });
        expect(order.findings).toEqual([]);
    });

    it('a restore with no known time counts as nothing: the figures after it are lower bounds', async () => {
        const { order } = await simulate(`
activity P { rto 1h mtpd 2h uses App }
asset App { depends on Srv }
asset Srv { }
fallback Rebuild { covers Srv }
fallback RApp { covers App rto 3h }
risk R { targets App, Srv }`, 'R');
        expect(order.waves.map(w => w.assets)).toEqual([['Srv'], ['App']]);
        expect(order.restores.map(r => [r.asset, r.unknown, r.bestEndMinutes])).toEqual([['Srv', true, 0], ['App', false, hours(3)]]);
        expect(order.atLeast).toBe(true);
        const p = order.activities[0];
        expect(p).toMatchObject({ best: hours(3), atLeast: true, bestMeetsMtpd: 'no' });
        expect(order.findings).toEqual([
            {
                code: 'best-case-misses-mtpd', activity: 'P', bestMinutes: hours(3), mtpdMinutes: hours(2), atLeast: true,
                criticalPath: ['Srv', 'App']
            }
        ]);
    });
});
