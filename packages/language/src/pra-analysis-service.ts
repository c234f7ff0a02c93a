import { AstUtils, URI, WorkspaceCache, type AstNode, type LangiumDocument, type LangiumDocuments } from 'langium';
import {
    isPraFile, type Activity, type Asset, type Fallback, type PraFile, type Procedure, type Risk, type Role
} from './generated/ast.js';
import { analyzePlan, type PlanAnalysis } from './pra-analysis.js';
import { planFindings, type Finding } from './checks/index.js';
import { documentFindings, type CheckFinding } from './pra-check-report.js';
import type { PraFileModels } from './pra-file-models.js';
import type { PraImports } from './pra-imports.js';
import type { Lang } from './pra-messages.js';
import type { NamedElement } from './pra-model.js';
import { buildPlanModel } from './pra-model-builder.js';
import type { PraServices } from './pra-module.js';
import type { PraSettings } from './pra-settings.js';
import { propertyNode } from './pra-property-node.js';
import { RecoveryBases } from './pra-recovery-base.js';

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
    private readonly cache: WorkspaceCache<string, PlanAnalysis>;
    /** Every check asks for its node's context: resolve the plan root of a file once per build. */
    private readonly contexts: WorkspaceCache<string, PlanContext>;
    /** The plan checks' findings of each plan root, by file. */
    private readonly findings: WorkspaceCache<string, Map<string, Finding[]>>;
    /** Kept across builds: the recovery graph's part of the assets and fallbacks, by their identity. */
    private readonly recoveryBases = new RecoveryBases();

    constructor(services: PraServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.imports = services.references.PraImports;
        this.settings = services.PraSettings;
        this.fileModels = services.analysis.PraFileModels;
        this.cache = new WorkspaceCache(services.shared);
        this.contexts = new WorkspaceCache(services.shared);
        this.findings = new WorkspaceCache(services.shared);
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
        const byFile = this.findings.get(rootUri, () => {
            const { analysis, lang } = this.forUri(rootUri);
            const judged = analysis.model.uris.filter(file => file === rootUri || this.imports.contextRoot(file) === rootUri);
            const ctx = {
                analysis, lang, today: this.settings.todayDate(),
                ...(judged.length < analysis.model.uris.length ? { judged: new Set(judged) } : {})
            };
            const map = new Map<string, Finding[]>();
            for (const finding of planFindings(ctx)) {
                const list = map.get(finding.at.uri);
                if (list) list.push(finding); else map.set(finding.at.uri, [finding]);
            }
            return map;
        });
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
        const read = (uri: string, root: PraFile) => this.fileModels.of(this.documents.getDocument(URI.parse(uri)), uri, root);
        const analysis = this.cache.get(rootUri,
            () => analyzePlan(buildPlanModel(rootUri, this.files(rootUri), read), this.settings.todayDate(), this.recoveryBases));
        return { analysis, lang: this.settings.languageFor(analysis.model.header?.language) };
    }

    private files(rootUri: string) {
        return this.imports.planOrder(rootUri).flatMap(uri => {
            const root = this.documents.getDocument(URI.parse(uri))?.parseResult.value;
            return isPraFile(root) ? [{ uri, root }] : [];
        });
    }
}
