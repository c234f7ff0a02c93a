import { post } from './vscode-api.js';

/** Asks the editor to show a place of the plan (the extension checks the uri is one of the plan's files). */
export function reveal(uri: string, position: { line: number; character: number }): void {
    post({ type: 'reveal', uri, line: position.line, character: position.character });
}
