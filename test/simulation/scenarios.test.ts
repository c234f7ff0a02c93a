/**
 * Issue 13, for the document's "Scenarios" chapter: each risk in the tolerable or unacceptable zone
 * that targets assets, simulated (timeline and recovery order), riskiest first.
 */
import { describe, expect, it } from 'vitest';
import { riskScenarios } from '../../packages/language/src/index.js';
import { analysisOf, hours } from './simulation-helpers.js';

describe('risk scenarios', () => {
    it('tolerable and unacceptable risks with targets, riskiest first, from 09:00 on the plan date', async () => {
        const analysis = await analysisOf(`
plan "S" { date 2026-11-30 }
activity Paie { rto 8h uses App }
asset App { kind application }
asset Nas { kind data }
fallback AppRestore { covers App rto 6h }
fallback NasRestore { covers Nas rto 2h }
risk Mineur { likelihood 1 impact 2 targets App }
risk Moyen { likelihood 2 impact 3 targets Nas }
risk Grave { likelihood 3 impact 4 targets App }
risk SansCible { likelihood 4 impact 4 }`);
        const scenarios = riskScenarios(analysis);
        expect(scenarios.map(s => [s.risk, s.score, s.zone])).toEqual([['Grave', 12, 'unacceptable'], ['Moyen', 6, 'tolerable']]);
        const grave = scenarios[0].simulation;
        expect(grave.start).toBe('2026-11-30T09:00');
        expect(grave.down).toEqual([{ name: 'Grave', kind: 'risk', assets: ['App'] }]);
        expect(grave.activities.map(a => [a.name, a.back.backMinutes])).toEqual([['Paie', hours(6)]]);
        expect(grave.order.waves).toEqual([{ wave: 1, assets: ['App'], cycle: false }]);
        // Nas is used by no activity: the scenario stops nothing, and says so by an empty timeline.
        expect(scenarios[1].simulation.activities).toEqual([]);
    });
});
