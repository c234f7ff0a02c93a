import type { LangiumDocument } from 'langium';
import { documentFindings } from '../pra-check-report.js';
import type { Lang } from '../pra-messages.js';
import type { PraServices } from '../pra-module.js';
import type { PlanSnapshot } from './plan-diff.js';

/**
 * One built version of a plan as the diff reads it: the model of `root`'s plan and the findings of
 * every file it reads (`fileOf` gives the path shown for each), with the plan's language.
 */
export function planSnapshot(services: PraServices, root: LangiumDocument, files: readonly LangiumDocument[],
    fileOf: (document: LangiumDocument) => string): PlanSnapshot & { lang: Lang } {
    const { analysis, lang } = services.analysis.PraAnalysisService.forDocument(root);
    const findings = files.flatMap(document => documentFindings(document).map(finding => ({ ...finding, file: fileOf(document) })));
    return { model: analysis.model, findings, lang };
}
