import type { PlanAnalysis } from '../pra-analysis.js';
import { isOpen, type CheckFinding } from '../pra-check-report.js';
import type { PlanDiff } from '../diff/plan-diff.js';
import type { Lang } from '../pra-messages.js';
import { annexes } from './pra-document-annexes.js';
import { DocumentBuilder } from './pra-document-builder.js';
import { bodySections } from './pra-document-body.js';
import {
    frontSections, planDocumentSchemaVersion, sectionIds, type Block, type PlanDocument, type PlanSection, type SectionId
} from './pra-document-types.js';

export * from './pra-document-types.js';

/** A finding of `pra check` and the file (as shown to the reader) it was found in. */
export interface PlanFinding extends CheckFinding { file: string }

export interface DocumentMeta {
    /** The plan's files as the reader should see them (names, not machine paths). */
    sourceFiles: string[];
    /** What changed since an earlier version (`pra export --since <rev>`), for the version history. */
    changes?: DocumentChanges;
}

/** The changelog of `pra diff` between an earlier version (`since`) and this one. */
export interface DocumentChanges { since: string; diff: PlanDiff }

/**
 * Builds the client document: front matter (version history, sign-off, distribution), the body in
 * the order of the plan template (executive summary … accepted residual risks), then the annexes
 * holding the full registers. It computes no figure of its own: every figure comes from the
 * analysis, the risk matrix or the findings; it only chooses, orders, labels and formats them.
 */
export function buildPlanDocument(analysis: PlanAnalysis, findings: readonly PlanFinding[], lang: Lang, meta: DocumentMeta): PlanDocument {
    const b = new DocumentBuilder(analysis, lang, findings);
    const errorCount = findings.filter(f => isOpen(f) && f.severity === 'error').length;
    const header = analysis.model.header;
    const blocks: Record<SectionId, Block[]> = { ...bodySections(b, errorCount, meta.changes), annexes: annexes(b, meta) };
    let number = 0;
    const sections: PlanSection[] = sectionIds.map(id => ({
        id,
        number: frontSections.includes(id) || id === 'annexes' ? undefined : ++number,
        title: b.t(`section.${id}`),
        blocks: blocks[id],
        page: id === 'annexes' ? 'landscape' : 'portrait'
    }));
    const final = errorCount === 0 && (header?.approvals.length ?? 0) > 0;
    return {
        schemaVersion: planDocumentSchemaVersion,
        lang,
        draft: errorCount > 0,
        errorCount,
        cover: {
            kind: b.t('document.kind'),
            title: header?.title ?? b.t('document.untitled'),
            organisation: header?.organisation ?? '',
            version: header?.version ?? '',
            date: b.date(header?.date),
            owner: b.person(header?.owner),
            status: final ? 'final' : 'draft',
            statusText: b.t(final ? 'document.final' : errorCount > 0 ? 'document.draftErrors' : 'document.draftUnsigned')
        },
        sections
    };
}
