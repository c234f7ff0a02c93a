import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';

function escapeAttribute(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The preview page: media/preview.html with its placeholders filled. The page test fills the same
 * template with file URLs, so what is tested in Chromium is what the webview loads.
 */
export function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, lang: string): string {
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    const template = readFileSync(vscode.Uri.joinPath(media, 'preview.html').fsPath, 'utf8');
    const values: Record<string, string> = {
        cspSource: webview.cspSource,
        nonce: randomBytes(16).toString('base64'),
        scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
        styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
        lang: lang === 'fr' ? 'fr' : 'en'
    };
    return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => key in values ? escapeAttribute(values[key]) : whole);
}
