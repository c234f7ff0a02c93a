import { AstUtils, CstUtils, URI, type AstNode, type IndexManager, type LangiumDocument } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
// From the package that creates the connection, so that its JSON-RPC layer recognises the error.
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { RenameParams, WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { PraAnalysisService } from '../pra-analysis-service.js';
import type { PraImports } from '../pra-imports.js';
import { word } from '../pra-messages.js';
import { isValidName } from '../pra-syntax.js';
import type { PraServices } from '../pra-module.js';
import { editorText as t } from './pra-editor-texts.js';

/**
 * Renames an element and every reference to it, in its file and in the files that import it.
 * Refuses a name the grammar would not read as a name, or one another element of the same kind
 * already has where the element is visible: the client shows the message.
 */
export class PraRenameProvider extends DefaultRenameProvider {
    private readonly imports: PraImports;
    private readonly indexManager: IndexManager;
    private readonly analysis: PraAnalysisService;

    constructor(services: PraServices) {
        super(services);
        this.imports = services.references.PraImports;
        this.indexManager = services.shared.workspace.IndexManager;
        this.analysis = services.analysis.PraAnalysisService;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const lang = this.analysis.forDocument(document).lang;
        const target = this.targetAt(document, params.position);
        if (!target) throw new ResponseError(LSPErrorCodes.RequestFailed, t('rename.nothing', lang));
        const newName = params.newName.trim();
        if (!isValidName(newName)) {
            throw new ResponseError(LSPErrorCodes.RequestFailed, t('rename.invalid', lang, { name: newName }));
        }
        const clash = this.clash(target, newName);
        if (clash) {
            throw new ResponseError(LSPErrorCodes.RequestFailed, t('rename.clash', lang, {
                old: (target as { name?: string }).name ?? '', name: newName, kind: word(target.$type.toLowerCase(), lang), file: clash
            }));
        }
        return super.rename(document, { ...params, newName });
    }

    private targetAt(document: LangiumDocument, position: RenameParams['position']): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(position);
        const leaf = root && CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
        return leaf ? this.references.findDeclarations(leaf)[0] : undefined;
    }

    /** The file name of an element of the same kind called `newName` wherever the target is visible. */
    private clash(target: AstNode, newName: string): string | undefined {
        const targetUri = AstUtils.getDocument(target).uri.toString();
        const viewers = this.indexManager.allElements().map(d => d.documentUri.toString()).distinct()
            .filter(uri => this.imports.visibleUris(uri).includes(targetUri)).toArray();
        const seen = new Set([targetUri, ...viewers.flatMap(uri => this.imports.visibleUris(uri))]);
        const other = this.indexManager.allElements(target.$type, seen).find(d => d.name === newName && d.node !== target);
        return other ? URI.parse(other.documentUri.toString()).path.split('/').pop() : undefined;
    }
}
