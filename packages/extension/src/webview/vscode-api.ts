import type { FromWebviewMessage, PreviewPageState } from 'pra-language/protocol';

interface VsCodeApi {
    postMessage(message: FromWebviewMessage): void;
    getState(): PreviewPageState | undefined;
    setState(state: PreviewPageState): void;
}

/** Given by VS Code to the page's scripts, once. */
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

/** The only way the page talks to the extension: typed by the protocol's FromWebviewMessage. */
export const post = (message: FromWebviewMessage): void => api.postMessage(message);
export const savedState = (): PreviewPageState => api.getState() ?? {};
export const saveState = (state: PreviewPageState): void => api.setState(state);
