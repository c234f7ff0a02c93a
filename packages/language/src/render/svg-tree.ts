/**
 * SVG as a small tree of plain data: written out as markup for files (exports, "Save as SVG"), or
 * built into DOM nodes by the preview webview without parsing any markup. Plan strings are only
 * ever text nodes or attribute values.
 */
export interface SvgElement {
    tag: string;
    attributes: Readonly<Record<string, string | number>>;
    children: readonly SvgNode[];
}
export type SvgNode = SvgElement | string;

export const svgNamespace = 'http://www.w3.org/2000/svg';

export function svgElement(tag: string, attributes: Record<string, string | number | undefined> = {}, ...children: SvgNode[]): SvgElement {
    const defined: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(attributes)) if (value !== undefined) defined[name] = value;
    return { tag, attributes: defined, children };
}

/** Text made inert in markup, in element content and in quoted attribute values alike. */
export function escapeMarkup(text: string): string {
    return text.replace(/[&<>"']/g, ch => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[ch]!);
}

/** The tree as markup; the root gets the SVG namespace. */
export function svgMarkup(node: SvgNode, root = true): string {
    if (typeof node === 'string') return escapeMarkup(node);
    const attributes = root ? { xmlns: svgNamespace, ...node.attributes } : node.attributes;
    const written = Object.entries(attributes).map(([name, value]) => ` ${name}="${escapeMarkup(String(value))}"`).join('');
    const children = node.children.map(child => svgMarkup(child, false)).join('');
    return `<${node.tag}${written}>${children}</${node.tag}>`;
}
