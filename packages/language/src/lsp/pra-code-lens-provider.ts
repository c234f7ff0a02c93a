import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens } from 'vscode-languageserver';
import { isAsset, isPraFile, isRisk } from '../generated/ast.js';
import type { PraAnalysisService } from '../pra-analysis-service.js';
import type { PraServices } from '../pra-module.js';
import { propertyNode } from '../pra-property-node.js';
import { simulateOutageCommand } from '../protocol.js';
import { editorText as t } from './pra-editor-texts.js';

/**
 * "Simulate outage" above each asset, site and risk: the client command `pra.simulateOutage` asks the
 * server for the timeline (`pra/simulate`) with the document and the element's name.
 */
export class PraCodeLensProvider implements CodeLensProvider {
    private readonly analysis: PraAnalysisService;

    constructor(services: PraServices) {
        this.analysis = services.analysis.PraAnalysisService;
    }

    provideCodeLens(document: LangiumDocument): CodeLens[] {
        const root = document.parseResult.value;
        if (!isPraFile(root)) return [];
        const { analysis, lang } = this.analysis.forDocument(document);
        const uri = document.uri.toString();
        return root.elements.flatMap(element => {
            if (!isAsset(element) && !isRisk(element)) return [];
            const name = propertyNode(element, 'name');
            if (!name || !element.name) return [];
            const key = isRisk(element) ? 'lens.simulate.risk'
                : analysis.data.assets.get(element.name)?.kind === 'site' ? 'lens.simulate.site' : 'lens.simulate';
            const command = { title: t(key, lang), command: simulateOutageCommand, arguments: [uri, element.name] };
            return [{ range: name.range, command }];
        });
    }
}
