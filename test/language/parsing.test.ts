import { describe, expect, it } from 'vitest';
import { buildPlan, codes, withCode } from '../helpers.js';
import type { ast } from '../../packages/language/src/index.js';

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
