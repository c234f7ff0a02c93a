import { AstUtils, URI, WorkspaceCache, type AstNode, type LangiumDocument, type LangiumDocuments } from 'langium';
import {
    isPraFile, type Activity, type Asset, type Fallback, type Procedure, type Risk, type Role
} from './generated/ast.js';
import { analyzePlan, type PlanAnalysis } from './pra-analysis.js';
import { planFindings, type CheckContext, type Finding } from './checks/index.js';
import { documentFindings, type CheckFinding } from './pra-check-report.js';
import type { PraFileModels } from './pra-file-models.js';
import type { PraImports } from './pra-imports.js';
import type { Lang } from './pra-messages.js';
import type { NamedElement } from './pra-model.js';
import { buildPlanModel, type ReadElement } from './pra-model-builder.js';
import type { PraServices } from './pra-module.js';
import type { PraSettings } from './pra-settings.js';
import { propertyNode } from './pra-property-node.js';
import { sameItems } from './pra-kept.js';
import { RecoveryBases } from './pra-recovery-base.js';

interface KeptAnalysis { uris: string[]; parts: Array<readonly ReadElement[]>; today: string; analysis: PlanAnalysis }

export type DescribedNode = Role | Asset | Activity | Risk | Fallback | Procedure;

/** The analysis of the plan a document belongs to, and the language to speak about it. */
export interface PlanContext {
    analysis: PlanAnalysis;
    lang: Lang;
}

/**
 * The one place the plan's figures are computed: once per document build per plan root, and read
 * by the checks, the LSP providers, the CLI, the preview and the export.
 */
export class PraAnalysisService {
    private readonly documents: LangiumDocuments;
    private readonly imports: PraImports;
    private readonly settings: PraSettings;
    private readonly fileModels: PraFileModels;
    /**
     * The analysis of each plan root, kept across builds with what it was computed from: the plan's
     * files in order, the part of the model each gave (the same object while the file is neither
     * parsed nor linked again, PraFileModels) and the date. An edit in one department leaves the
     * other plans' analyses as they were: a file of theirs validated again reuses them.
     */
    private readonly analyses = new Map<string, KeptAnalysis>();
    /** Every check asks for its node's context: resolve the plan root of a file once per build. */
    private readonly contexts: WorkspaceCache<string, PlanContext>;
    /** The plan checks' findings of each plan root, by file, kept with the context they were computed in. */
    private readonly findings = new Map<string, { context: CheckContext; judged: string[]; byFile: Map<string, Finding[]> }>();
    /** Kept across builds: the recovery graph's part of the assets and fallbacks, by their identity. */
    private readonly recoveryBases = new RecoveryBases();

    constructor(services: PraServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.imports = services.references.PraImports;
        this.settings = services.PraSettings;
        this.fileModels = services.analysis.PraFileModels;
        this.contexts = new WorkspaceCache(services.shared);
        // A plan whose root is deleted is forgotten (the others check their inputs on each use).
        services.shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => {
            for (const uri of deleted) {
                this.analyses.delete(uri.toString());
                this.findings.delete(uri.toString());
            }
        });
    }

    /** The documents of the plan `uri` belongs to, as built, imported files first (the plan's order). */
    planDocuments(uri: string): LangiumDocument[] {
        return this.forUri(uri).analysis.model.uris
            .map(u => this.documents.getDocument(URI.parse(u)))
            .filter((d): d is LangiumDocument => d !== undefined);
    }

    /**
     * Every finding of the plan `uri` belongs to, as validated (acceptances applied), with the file
     * it is in: what the preview, the export and the Gaps view list. Appended one by one: a spread of
     * 150,000 findings into `push` overflows the stack.
     */
    planFindingsOf(uri: string): Array<CheckFinding & { uri: string }> {
        const findings: Array<CheckFinding & { uri: string }> = [];
        for (const document of this.planDocuments(uri)) {
            const file = document.uri.toString();
            for (const finding of documentFindings(document)) findings.push({ ...finding, uri: file });
        }
        return findings;
    }

    /**
     * The findings of the plan checks that belong in this file, judged in its plan's context. Only the
     * files this plan gives their context ask: the findings of the others are not computed where a
     * check can skip them (a department plan does not judge the inventory it shares with the others).
     */
    findingsIn(uri: string): Finding[] {
        const rootUri = this.imports.contextRoot(uri);
        const { analysis, lang } = this.forUri(rootUri);
        const judged = analysis.model.uris.filter(file => file === rootUri || this.imports.contextRoot(file) === rootUri);
        const today = this.settings.todayDate();
        const known = this.findings.get(rootUri);
        // Pure in their context: the same analysis, language, date and judged files give the same findings.
        if (known && known.context.analysis === analysis && known.context.lang === lang && known.context.today === today
            && sameItems(known.judged, judged)) {
            return known.byFile.get(uri) ?? [];
        }
        const context: CheckContext = {
            analysis, lang, today, ...(judged.length < analysis.model.uris.length ? { judged: new Set(judged) } : {})
        };
        const byFile = new Map<string, Finding[]>();
        for (const finding of planFindings(context)) {
            const list = byFile.get(finding.at.uri);
            if (list) list.push(finding); else byFile.set(finding.at.uri, [finding]);
        }
        this.findings.set(rootUri, { context, judged, byFile });
        return byFile.get(uri) ?? [];
    }

    /** The node each element of a model was read from, found once per element and build. */
    private readonly describedNodes = new WeakMap<NamedElement, AstNode>();

    /**
     * Whether the analysis' element of this node's kind and name was read from this node, and not
     * from another declaration of the same name: only then do its figures belong to this node.
     */
    describes(node: DescribedNode): boolean {
        const document = AstUtils.getDocument(node);
        const data = this.elementData(this.forDocument(document).analysis, node);
        if (!data || !node.$cstNode) return false;
        const known = this.describedNodes.get(data);
        if (known) return known === node;
        const start = propertyNode(node, 'name')?.range.start;
        const matches = data.source.uri === document.uri.toString()
            && start?.line === data.source.range.start.line && start.character === data.source.range.start.character;
        if (matches) this.describedNodes.set(data, node);
        return matches;
    }

    private elementData(analysis: PlanAnalysis, node: DescribedNode): NamedElement | undefined {
        switch (node.$type) {
            case 'Role': return analysis.data.roles.get(node.name);
            case 'Asset': return analysis.data.assets.get(node.name);
            case 'Activity': return analysis.data.activities.get(node.name);
            case 'Risk': return analysis.data.risks.get(node.name);
            case 'Fallback': return analysis.data.fallbacks.get(node.name);
            case 'Procedure': return analysis.data.procedures.get(node.name);
        }
    }

    forDocument(document: LangiumDocument): PlanContext {
        return this.forUri(document.uri.toString());
    }

    forUri(uri: string): PlanContext {
        return this.contexts.get(uri, () => this.computeContext(uri));
    }

    private computeContext(uri: string): PlanContext {
        const rootUri = this.imports.contextRoot(uri);
        const analysis = this.analysisOf(rootUri);
        return { analysis, lang: this.settings.languageFor(analysis.model.header?.language) };
    }

    /** The analysis of the plan `rootUri`: the one kept, when its files, their parts and the date are the same. */
    private analysisOf(rootUri: string): PlanAnalysis {
        const files = this.files(rootUri);
        const uris = files.map(f => f.uri);
        const parts = files.map(({ uri, root }) => this.fileModels.of(this.documents.getDocument(URI.parse(uri)), uri, root));
        const today = this.settings.todayDate();
        const known = this.analyses.get(rootUri);
        if (known && known.today === today && sameItems(known.uris, uris) && sameItems(known.parts, parts)) return known.analysis;
        const partOf = new Map(files.map((f, i) => [f.root, parts[i]]));
        const analysis = analyzePlan(buildPlanModel(rootUri, files, (_uri, root) => partOf.get(root)!), today, this.recoveryBases);
        this.analyses.set(rootUri, { uris, parts, today, analysis });
        return analysis;
    }

    private files(rootUri: string) {
        return this.imports.planOrder(rootUri).flatMap(uri => {
            const root = this.documents.getDocument(URI.parse(uri))?.parseResult.value;
            return isPraFile(root) ? [{ uri, root }] : [];
        });
    }
}
