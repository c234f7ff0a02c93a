import {
    clockNow, parseStart, resolveDown, simulateOutage, simulationMarkdown, simulationText, type SimulationResult
} from 'pra-language';
import { createNodePraServices, loadPlanDocuments } from 'pra-language/node';
import { choice, isoDateOption, UsageError, type ParsedArgs } from './cli-args.js';
import type { Output } from './output.js';

const formats = ['text', 'json', 'md'] as const;

/**
 * `pra simulate <plan> --down <Name>[,<Name>…] [--at <ISO date-time>] [--format text|json|md]
 * [--lang fr|en] [--today YYYY-MM-DD]`: what stops, when each activity is back, the recovery order.
 * Exit 0 with the timeline; 2 for a usage problem, an unreadable file or a name the plan lacks.
 */
export async function simulateCommand(args: ParsedArgs, out: Output): Promise<number> {
    const format = choice(args, 'format', formats, 'text')!;
    const lang = choice(args, 'lang', ['fr', 'en'] as const, undefined);
    const today = isoDateOption(args, 'today');
    if (args.paths.length !== 1) throw new UsageError('usage.simulate-paths');
    const downOption = args.options.get('down');
    const names = typeof downOption === 'string' ? downOption.split(',').map(n => n.trim()).filter(n => n !== '') : [];
    if (names.length === 0) throw new UsageError('usage.simulate-down');
    const atOption = args.options.get('at');
    const clock = atOption === undefined ? clockNow() : typeof atOption === 'string' ? parseStart(atOption) : undefined;
    if (!clock) throw new UsageError('usage.at');

    const services = createNodePraServices();
    services.PraSettings.languageOverride = lang;
    services.PraSettings.today = today;
    const { requested } = await loadPlanDocuments(services, [args.paths[0]]);
    const context = services.analysis.PraAnalysisService.forDocument(requested[0]);
    const resolved = resolveDown(context.analysis, names);
    if (!resolved.ok) {
        const parts = resolved.unknown.map(u => u.close.length > 0
            ? `${u.name} (close: ${u.close.join(', ')})` : `${u.name} (no close name)`);
        out.error(`pra: ${args.paths[0]}: no asset, risk or site named ${parts.join('; ')}\n`);
        return 2;
    }
    const result = simulateOutage(context.analysis, { down: resolved.down, start: clock.start });
    const title = context.analysis.model.header?.title ?? args.paths[0];
    if (format === 'json') out.write(JSON.stringify(jsonOf(args.paths[0], result), null, 2) + '\n');
    else if (format === 'md') out.write(simulationMarkdown(result, { title, clock, lang: context.lang }));
    else out.write(simulationText(result, { title, clock, lang: context.lang }));
    return 0;
}

/** The JSON for tools: the simulation as it is, with a version and the plan file. */
function jsonOf(file: string, result: SimulationResult): object {
    return { version: 1, file, ...result };
}
