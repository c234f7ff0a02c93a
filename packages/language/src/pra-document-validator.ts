import {
    AstUtils, Cancellation, DefaultDocumentValidator, DocumentValidator, interruptAndCheck, isOperationCancelled,
    type AstNode, type LangiumDocument, type ValidationAcceptor, type ValidationOptions
} from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isPlan, isPraFile, type PraFile } from './generated/ast.js';
import type { PraAnalysisService } from './pra-analysis-service.js';
import { PraElementFindings } from './pra-element-findings.js';
import { fileWalk, walkOf } from './pra-element-walk.js';
import { applyAcceptance, type WrittenAccept } from './pra-acceptance.js';
import type { PraDocumentLanguage } from './pra-document-language.js';
import { message } from './pra-messages.js';
import { elementKindOfType as kindOfType } from './pra-model.js';
import { acceptsOf } from './pra-model-builder.js';
import type { PraServices } from './pra-module.js';
import { parserMessageIn } from './pra-parser-messages.js';
import type { PraSettings } from './pra-settings.js';

/** Langium's `validateSingleNodeOptions` (every node, every child), which the fast walk assumes. */
const langiumNodeOptions =
    (DefaultDocumentValidator.prototype as unknown as { validateSingleNodeOptions: unknown }).validateSingleNodeOptions;

/** The Linker catches exceptions of scoping and words them so: they are failures, not findings. */
const resolutionFailure = 'An error occurred while resolving reference';

/**
 * Langium's validator, made safe for any number of findings and for failures:
 * - findings are appended one by one (spreading a huge array into `push` overflows the stack, and
 *   Langium then logged the RangeError and published no finding at all: a false green);
 * - an exception in a check, the analysis or the model builder (PraValidationRegistry lets them
 *   through) or in scoping becomes one `internal-error` at the start of the file, naming it.
 */
export class PraDocumentValidator extends DefaultDocumentValidator {
    private readonly settings: PraSettings;
    private readonly language: PraDocumentLanguage;
    private readonly analysis: PraAnalysisService;
    private readonly elementFindings = new PraElementFindings();

    constructor(services: PraServices) {
        super(services);
        this.settings = services.PraSettings;
        this.language = services.PraDocumentLanguage;
        this.analysis = services.analysis.PraAnalysisService;
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {},
        cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        const parseResult = document.parseResult;
        const diagnostics: Diagnostic[] = [];
        await interruptAndCheck(cancelToken);
        try {
            if (!options.categories || options.categories.includes('built-in')) {
                this.processLexingErrors(parseResult, diagnostics, options);
                if (options.stopAfterLexingErrors && diagnostics.some(d => isCode(d, 'lexing-error'))) return diagnostics;
                this.processParsingErrors(parseResult, diagnostics, options);
                if (options.stopAfterParsingErrors && diagnostics.some(d => isCode(d, 'parsing-error'))) return diagnostics;
                this.processLinkingErrors(document, diagnostics, options);
                if (options.stopAfterLinkingErrors && diagnostics.some(d => isCode(d, 'linking-error'))) return diagnostics;
            }
            const findings = await this.validateAst(parseResult.value, options, cancelToken);
            for (const finding of findings) diagnostics.push(finding);
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            diagnostics.push(this.internalError(document, describeError(error)));
        }
        await interruptAndCheck(cancelToken);
        return this.applyAcceptance(document, this.inPlanLanguage(document, diagnostics));
    }

    /** Langium's, with the list of findings passed to the walk (which replays the findings of untouched elements). */
    override async validateAst(rootNode: AstNode, options: ValidationOptions,
        cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        const items: Diagnostic[] = [];
        const acceptor: ValidationAcceptor = (severity, text, info) => { items.push(this.toDiagnostic(severity, text, info)); };
        await this.validateAstBefore(rootNode, options, acceptor, cancelToken);
        await this.validateAstNodes(rootNode, options, acceptor, cancelToken, items);
        await this.validateAstAfter(rootNode, options, acceptor, cancelToken);
        return items;
    }

    /**
     * Langium's walk over every node, in the same order with the same checks, but awaiting only the
     * checks that return a promise and offering to yield (`interruptAndCheck`) once per top-level
     * element instead of once per node: on 5,000 activities, ≈ 200,000 awaits fewer per edit. The
     * nodes of each top-level element are listed once per parse of it (pra-element-walk.ts). Every
     * node is validated: were `validateSingleNodeOptions` overridden, Langium's own walk would run.
     *
     * The root's checks (names, imports, the plan's findings) run every time. A top-level element
     * the document factory kept gets the findings its nodes had (PraElementFindings), moved with it,
     * when the inputs of the node-by-node checks (checks/structure-checks.ts) besides the element
     * itself are the same: the plan's language, its scales (`level-out-of-scale`) and the categories.
     * A check added there that reads anything else of the plan must be named in `inputsOf`.
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor,
        cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None, items?: Diagnostic[]): Promise<void> {
        if (this.profiler?.isActive('validating') || this.validateSingleNodeOptions !== langiumNodeOptions) {
            return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        }
        const { tops } = fileWalk(rootNode);
        await interruptAndCheck(cancelToken);
        await this.validateNodes([rootNode], options, acceptor, cancelToken);
        const inputs = items && isPraFile(rootNode) ? this.inputsOf(rootNode, options) : undefined;
        for (const top of tops) {
            await interruptAndCheck(cancelToken);
            const replayed = inputs && this.elementFindings.replay(top, inputs);
            if (items && replayed) {
                for (const diagnostic of replayed) items.push(diagnostic);
                continue;
            }
            const from = items?.length ?? 0;
            await this.validateNodes(walkOf(top).nodes, options, acceptor, cancelToken);
            if (items && inputs) this.elementFindings.record(top, inputs, items.slice(from));
        }
    }

    /** What the node-by-node checks read of the plan besides the element (see validateAstNodes). */
    private inputsOf(root: PraFile, options: ValidationOptions): object {
        const uri = AstUtils.getDocument(root).uri.toString();
        const { analysis, lang } = this.analysis.forUri(uri);
        return this.elementFindings.inputs(uri, JSON.stringify([lang, analysis.model.scales, options.categories ?? null]));
    }

    private async validateNodes(nodes: readonly AstNode[], options: ValidationOptions, acceptor: ValidationAcceptor,
        cancelToken: Cancellation.CancellationToken): Promise<void> {
        for (const node of nodes) {
            for (const check of this.validationRegistry.getChecks(node.$type, options.categories)) {
                const result = check(node, acceptor, cancelToken);
                if (result instanceof Promise) await result;
            }
        }
    }

    /**
     * Lexer and parser messages in the language of the plan giving the file its context: a file
     * without its own `language` (an inventory) was parsed before its plan was known.
     */
    protected inPlanLanguage(document: LangiumDocument, diagnostics: Diagnostic[]): Diagnostic[] {
        const syntax = diagnostics.filter(d => isCode(d, DocumentValidator.LexingError) || isCode(d, DocumentValidator.ParsingError));
        if (syntax.length === 0) return diagnostics;
        const lang = this.language.of(document.uri.toString());
        for (const diagnostic of syntax) {
            if (typeof diagnostic.message === 'string') diagnostic.message = parserMessageIn(diagnostic.message, lang);
        }
        return diagnostics;
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const linking: Diagnostic[] = [];
        super.processLinkingErrors(document, linking, options);
        for (const diagnostic of linking) {
            const text = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
            if (text.startsWith(resolutionFailure)) throw new ScopingFailure(text);
            diagnostics.push(diagnostic);
        }
    }

    /** The file's `accept` lines applied last, to every finding of the file (pra-acceptance.ts). */
    protected applyAcceptance(document: LangiumDocument, diagnostics: Diagnostic[]): Diagnostic[] {
        const accepts = writtenAccepts(document);
        if (accepts.length === 0) return diagnostics;
        const lang = this.settings.languageFor(planLanguageOf(document));
        return applyAcceptance(diagnostics, accepts, this.settings.todayDate(), lang);
    }

    private internalError(document: LangiumDocument, error: string): Diagnostic {
        const start = { line: 0, character: 0 };
        const lang = this.settings.languageFor(planLanguageOf(document));
        return {
            severity: 1, range: { start, end: start }, source: this.getSource(), code: 'internal-error',
            message: message('internal-error', lang, { error }), data: { code: 'internal-error' }
        };
    }
}

/** An exception of scoping, already caught and worded by Langium's Linker. */
class ScopingFailure extends Error {
    override readonly name = 'ScopingFailure';
}

function describeError(error: unknown): string {
    if (error instanceof Error) return `${error.name}: ${error.message}`.replace(/\s*\n[\s\S]*$/, '');
    return `thrown value: ${String(error)}`;
}

function isCode(diagnostic: Diagnostic, code: string): boolean {
    return (diagnostic.data as { code?: unknown } | undefined)?.code === code;
}

/** The plan's `language`, read from the AST only (the analysis may be what failed). */
function planLanguageOf(document: LangiumDocument): string | undefined {
    const root = document.parseResult.value;
    return isPraFile(root) ? root.elements.find(isPlan)?.language[0] : undefined;
}


/** The `accept` lines of a file, with the element each belongs to (none for the plan block). */
function writtenAccepts(document: LangiumDocument): WrittenAccept[] {
    const root = document.parseResult.value;
    if (!isPraFile(root)) return [];
    const uri = document.uri.toString();
    return root.elements.flatMap(element => {
        if (!('accept' in element) || element.accept.length === 0) return [];
        const name = 'name' in element && typeof element.name === 'string' ? element.name : undefined;
        const subject = element.$type === 'Plan' || name === undefined ? undefined : { kind: kindOfType[element.$type], name };
        return acceptsOf(element, uri).map(accept => ({ accept, subject }));
    });
}
