import {
    AstUtils, Cancellation, DefaultLinker, interruptAndCheck, isAstNode, isReference,
    type AstNode, type AstNodeDescription, type LangiumDocument, type LinkingError, type MultiReference,
    type Reference, type ReferenceInfo, type ScopeComputation
} from 'langium';
import { PraScopeComputation } from './pra-scope.js';
import { fileWalk, walkOf } from './pra-element-walk.js';
import type { PraFileModels } from './pra-file-models.js';
import type { PraDocumentLanguage } from './pra-document-language.js';
import { isTextKey, textLookup, type Lang, type Texts } from './pra-messages.js';
import type { PraServices } from './pra-module.js';

/** "No <kind> named", by the type the grammar expects, in both languages (French agrees in gender). */
const texts = {
    'none.Role': { en: 'No role named', fr: 'Aucun rôle nommé' },
    'none.Asset': { en: 'No asset named', fr: 'Aucune ressource nommée' },
    'none.Activity': { en: 'No activity named', fr: 'Aucune activité nommée' },
    'none.Risk': { en: 'No risk named', fr: 'Aucun risque nommé' },
    'none.Fallback': { en: 'No fallback named', fr: 'Aucun moyen de secours nommé' },
    'none.Procedure': { en: 'No procedure named', fr: 'Aucune procédure nommée' },
    'none.Coverable': { en: 'No asset or activity named', fr: 'Aucune ressource ni activité nommée' },
    'none.ProcedureTarget': {
        en: 'No activity, asset, risk or fallback named',
        fr: 'Aucun élément (activité, ressource, risque, moyen de secours) nommé'
    },
    'none.ExerciseTarget': { en: 'No fallback or procedure named', fr: 'Aucun moyen de secours ni procédure nommé' },
    'none.Dependable': { en: 'No asset or fallback named', fr: 'Aucune ressource ni moyen de secours nommé' },
    'none.other': { en: 'No {type} named', fr: 'Aucun élément {type} nommé' },
    unresolved: {
        en: '{none} \'{name}\' in what this file sees: declare it, import the file that declares it, or fix the name.',
        fr: '{none} \'{name}\' dans ce que ce fichier voit : déclarez-le, importez le fichier qui le déclare, ou corrigez le nom.'
    }
} as const satisfies Readonly<Record<string, Texts>>;
const linkerText = textLookup(texts, 'linker');

/** The message of an unresolved reference, in the plan's language. */
export function linkingMessage(referenceType: string, name: string, lang: Lang): string {
    const key = `none.${referenceType}`;
    const none = isTextKey(texts, key) ? linkerText(key, lang) : linkerText('none.other', lang, { type: referenceType });
    return linkerText('unresolved', lang, { none, name });
}

/** What the last completed link of a document resolved: kept to relink only what an edit can change. */
interface Linked {
    root: AstNode;
    /** The top-level nodes then. */
    tops: ReadonlySet<AstNode>;
    /** `document.references` then, in order. */
    references: readonly (Reference | MultiReference)[];
    /** Top-level nodes some reference of which that link did not add to `document.references` (resolved on demand before it). */
    partial: ReadonlySet<AstNode>;
    /** The names the file saw then (PraFileModels.namesSeen: the same object while the names are the same). */
    names: object;
}

/**
 * Langium's linker, with its message for an unresolved name in the plan's language; unlinking a
 * document (before it is linked again) forgets what the file gave the plan model.
 *
 * Langium unlinks a document before it parses it again, and then relinks every reference. Here the
 * unlink is deferred to the link, which by then knows which top-level blocks the document factory
 * parsed again: when the names the file sees (every named element of the visible files, with its
 * type, in the scope's order) are those of the last link, a reference of a block kept since then
 * keeps its target when that target is a block of the same file kept too (the name resolves to the
 * same declaration, which is the same node); its node description is the one the index has now (its
 * path follows the block's index). Every other reference is unlinked and linked again, and any doubt
 * (another root, other names, a multi-reference, an unresolved name) relinks the whole file as Langium does.
 * `document.references` keeps Langium's order (the walk's), which the linking diagnostics follow.
 */
export class PraLinker extends DefaultLinker {
    private readonly language: PraDocumentLanguage;
    private readonly fileModels: PraFileModels;
    private readonly scopeComputation: ScopeComputation;
    private readonly linked = new WeakMap<LangiumDocument, Linked>();
    /** Documents whose unlink was deferred to their next link. */
    private readonly deferred = new WeakSet<LangiumDocument>();

    constructor(services: PraServices) {
        super(services);
        this.language = services.PraDocumentLanguage;
        this.fileModels = services.analysis.PraFileModels;
        this.scopeComputation = services.references.ScopeComputation;
    }

    /**
     * Langium's linking, in the same order, offering to yield (`interruptAndCheck`) once per
     * top-level element instead of once per AST node (≈ 200,000 awaits fewer per build at 5,000 activities);
     * the references of each top-level element are listed once per parse of it (pra-element-walk.ts).
     */
    override async link(document: LangiumDocument, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None):
        Promise<void> {
        const root = document.parseResult.value;
        const last = this.linked.get(document);
        const deferred = this.deferred.has(document);
        this.deferred.delete(document);
        if (this.profiler?.isActive('linking')) {
            if (deferred && last) this.unlinkAll(document, last);
            this.linked.delete(document);
            return super.link(document, cancelToken);
        }
        const uri = document.uri.toString();
        const names = this.fileModels.namesSeen(uri);
        const { rootReferences, tops } = fileWalk(root);
        const current = new Set(tops);
        let keep: ((info: ReferenceInfo) => boolean) | undefined;
        if (deferred && last) {
            keep = last.root === root && last.names === names ? this.keeper(document, last, current) : undefined;
            if (!keep) this.unlinkAll(document, last);
        }
        const partial = new Set<AstNode>();
        await interruptAndCheck(cancelToken);
        for (const info of rootReferences) this.doLink(info, document);
        for (const top of tops) {
            await interruptAndCheck(cancelToken);
            const references = walkOf(top).references;
            const before = document.references.length;
            if (keep && last!.tops.has(top)) {
                for (const info of references) {
                    if (keep(info)) document.references.push(info.reference);
                    else this.doLink(info, document);
                }
            } else {
                for (const info of references) this.doLink(info, document);
            }
            if (document.references.length - before !== references.length) partial.add(top);
        }
        // Recorded once complete: a link cancelled midway leaves the last record, and the next unlink
        // unlinks what it linked (`document.references`); what it did not reach is as the record says.
        this.linked.set(document, { root, tops: current, references: document.references, partial, names });
    }

    /**
     * Whether a reference of a block kept since the last link keeps its target (see the class); if
     * not, it is unlinked, ready to be linked again. Undefined (relink the whole file) when a kept
     * block has a reference the last link did not add to `document.references` (resolved on demand
     * before it: Langium leaves those as they are, and which they are is not recorded).
     */
    private keeper(document: LangiumDocument, last: Linked, current: ReadonlySet<AstNode>): ((info: ReferenceInfo) => boolean) | undefined {
        const exports = this.scopeComputation;
        if (!(exports instanceof PraScopeComputation)) return undefined;
        for (const top of last.partial) if (current.has(top)) return undefined;
        const root = document.parseResult.value;
        return ({ reference }) => {
            const fields = reference as unknown as { _ref?: unknown; _nodeDescription?: AstNodeDescription };
            const target = isReference(reference) ? fields._ref : undefined;
            const kept = isAstNode(target) && target.$container === root && current.has(target);
            const description = kept ? exports.descriptionOf(target, document) : undefined;
            if (description) {
                fields._nodeDescription = description;
                return true;
            }
            unlinkReference(reference);
            return false;
        };
    }

    /** Langium's unlink of every reference the last link resolved (a deferred unlink that cannot keep any). */
    private unlinkAll(document: LangiumDocument, last: Linked): void {
        document.references = [...last.references];
        super.unlink(document);
    }

    override unlink(document: LangiumDocument): void {
        this.fileModels.forget(document);
        const last = this.linked.get(document);
        if (!last || this.profiler?.isActive('linking')) {
            this.linked.delete(document);
            this.deferred.delete(document);
            super.unlink(document);
            return;
        }
        // References linked since the last completed link (a link cancelled midway) are unlinked now.
        if (document.references !== last.references) super.unlink(document);
        document.references = [];
        this.deferred.add(document);
    }

    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        const uri = AstUtils.getDocument(refInfo.container).uri.toString();
        const referenceType = this.reflection.getReferenceType(refInfo);
        return { ...error, message: linkingMessage(referenceType, refInfo.reference.$refText, this.language.of(uri)) };
    }
}

/** Langium's unlink of one reference (DefaultLinker.unlink). */
function unlinkReference(reference: Reference | MultiReference): void {
    const fields = reference as unknown as { _ref?: unknown; _nodeDescription?: unknown; _items?: unknown; _linkingError?: unknown };
    if ('_ref' in fields) {
        fields._ref = undefined;
        delete fields._nodeDescription;
    } else if ('_items' in fields) {
        fields._items = undefined;
        delete fields._linkingError;
    }
}
