import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createPraServices, type PraServices } from '../packages/language/src/pra-module.js';
import { codeOf } from '../packages/language/src/pra-check-report.js';

export function createTestServices(lang?: 'fr' | 'en'): PraServices {
    const services = createPraServices(EmptyFileSystem).Pra;
    services.PraSettings.languageOverride = lang;
    return services;
}

let counter = 0;

/** Builds in-memory files (name → text) together, so imports between them resolve; returns them by name. */
export async function buildFiles(services: PraServices, files: Record<string, string>): Promise<Record<string, LangiumDocument>> {
    const folder = `/mem/t${counter++}`;
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = services.shared.workspace.LangiumDocuments;
    const built: Record<string, LangiumDocument> = {};
    for (const [name, text] of Object.entries(files)) {
        const document = factory.fromString(text, URI.file(`${folder}/${name}`));
        documents.addDocument(document);
        built[name] = document;
    }
    await services.shared.workspace.DocumentBuilder.build(Object.values(built), { validation: true });
    return built;
}

export async function buildPlan(text: string, lang?: 'fr' | 'en'): Promise<LangiumDocument> {
    return (await buildFiles(createTestServices(lang), { 'plan.pra': text }))['plan.pra'];
}

export function withCode(document: LangiumDocument, code: string): Diagnostic[] {
    return (document.diagnostics ?? []).filter(d => codeOf(d) === code);
}

export function codes(document: LangiumDocument): string[] {
    return (document.diagnostics ?? []).map(codeOf);
}
