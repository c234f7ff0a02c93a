import type { FromWebviewMessage, PreviewMode, PreviewModel } from 'pra-language/protocol';

/** What the page keeps across reloads of the webview (VS Code's getState/setState). */
export interface PageState {
    model?: PreviewModel;
    documentUri?: string;
    mode?: PreviewMode;
    stale?: boolean;
}

interface VsCodeApi {
    postMessage(message: FromWebviewMessage): void;
    getState(): PageState | undefined;
    setState(state: PageState): void;
}

/** Given by VS Code to the page's scripts, once. */
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

/** The only way the page talks to the extension: typed by the protocol's FromWebviewMessage. */
export const post = (message: FromWebviewMessage): void => api.postMessage(message);
export const savedState = (): PageState => api.getState() ?? {};
export const saveState = (state: PageState): void => api.setState(state);
