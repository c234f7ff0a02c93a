import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createPraServices, type PraServices } from '../packages/language/src/pra-module.js';
import { codeOf } from '../packages/language/src/pra-check-report.js';

/** Options of a test build: the language of messages, and "today" (ISO date) for date checks. */
export interface BuildOptions {
    lang?: 'fr' | 'en';
    /** Sets `PraSettings.today` (contract v2: `outdated-plan`, `expired-acceptance`). */
    today?: string;
}

export function createTestServices(langOrOptions?: 'fr' | 'en' | BuildOptions): PraServices {
    const options: BuildOptions = typeof langOrOptions === 'object' ? langOrOptions : { lang: langOrOptions };
    const services = createPraServices(EmptyFileSystem).Pra;
    services.PraSettings.languageOverride = options.lang;
    if (options.today !== undefined) {
        services.PraSettings.today = options.today;
    }
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

export async function buildPlan(text: string, langOrOptions?: 'fr' | 'en' | BuildOptions): Promise<LangiumDocument> {
    return (await buildFiles(createTestServices(langOrOptions), { 'plan.pra': text }))['plan.pra'];
}

export function withCode(document: LangiumDocument, code: string): Diagnostic[] {
    return (document.diagnostics ?? []).filter(d => codeOf(d) === code);
}

export function codes(document: LangiumDocument): string[] {
    return (document.diagnostics ?? []).map(codeOf);
}
