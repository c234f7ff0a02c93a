import { AstUtils, type AstNode, type CstNode, type ValidationAcceptor } from 'langium';
import type { DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type * as ast from './generated/ast.js';
import type { Finding } from './checks/index.js';
import { PraStructureChecks } from './checks/structure-checks.js';
import { propertyNode } from './pra-property-node.js';
import type { PraAnalysisService } from './pra-analysis-service.js';
import { checkSeverities } from './pra-codes.js';
import type { PraServices } from './pra-module.js';

export function registerValidationChecks(services: PraServices): void {
    const registry = services.validation.ValidationRegistry;
    const validator = services.validation.PraValidator;
    registry.register(validator.structure.checks(), validator.structure);
    registry.register({ PraFile: validator.checkPlanFindings }, validator);
}

/**
 * Puts the findings of the plan checks (computed once per build from the analysis, see checks/) on
 * the document they belong to; the structural checks of the text run node by node.
 */
export class PraValidator {
    readonly structure: PraStructureChecks;
    private readonly analysis: PraAnalysisService;

    constructor(services: PraServices) {
        this.structure = new PraStructureChecks(services);
        this.analysis = services.analysis.PraAnalysisService;
    }

    checkPlanFindings = (file: ast.PraFile, accept: ValidationAcceptor): void => {
        const document = AstUtils.getDocument(file);
        const findings = this.analysis.findingsIn(document.uri.toString());
        if (findings.length === 0) return;
        const nodes = elementsByNamePosition(file);
        for (const finding of findings) {
            const start = finding.at.range.start;
            const node = nodes.get(`${start.line}:${start.character}`);
            const range = (finding.property && node ? propertyOf(node, finding.property)?.range : undefined) ?? finding.at.range;
            accept(checkSeverities[finding.code], finding.message, {
                node: file, range, code: finding.code,
                data: { code: finding.code, element: finding.subject?.name, kind: finding.subject?.kind, related: relatedData(finding) },
                ...(finding.related ? { relatedInformation: relatedInformation(finding) } : {})
            });
        }
    };
}

/** The syntax node of a property of an element, found once per parse of it (findings fall mostly on untouched blocks). */
const properties = new WeakMap<AstNode, Map<string, CstNode | undefined>>();

function propertyOf(node: AstNode, property: string): CstNode | undefined {
    let known = properties.get(node);
    if (!known) properties.set(node, known = new Map());
    if (!known.has(property)) known.set(property, propertyNode(node, property));
    return known.get(property);
}

/** The syntax node each element's findings are anchored at: its name, or title, or whole text (kept by the element's node). */
const anchors = new WeakMap<AstNode, CstNode | undefined>();

/**
 * The elements of a file by the position of their name (or title, or keyword): where findings are
 * anchored. The anchor of an element is found once per parse of it (the document factory moves the
 * syntax nodes of untouched blocks in place, so its position is read anew).
 */
function elementsByNamePosition(file: ast.PraFile): Map<string, AstNode> {
    const nodes = new Map<string, AstNode>();
    for (const element of file.elements) {
        let anchor = anchors.get(element);
        if (anchor === undefined && !anchors.has(element)) {
            anchor = propertyNode(element, 'name') ?? propertyNode(element, 'title') ?? element.$cstNode;
            anchors.set(element, anchor);
        }
        const start = anchor?.range.start;
        if (start) nodes.set(`${start.line}:${start.character}`, element);
    }
    return nodes;
}

function relatedData(finding: Finding): Array<{ element: string; file: string; line: number; column: number }> | undefined {
    return finding.related?.map(r => ({
        element: r.name, file: r.source.uri, line: r.source.range.start.line + 1, column: r.source.range.start.character + 1
    }));
}

function relatedInformation(finding: Finding): DiagnosticRelatedInformation[] {
    return (finding.related ?? []).map(r => ({ location: { uri: r.source.uri, range: r.source.range }, message: r.name }));
}
