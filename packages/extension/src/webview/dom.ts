import { svgNamespace, type SvgNode } from 'pra-language/render';

type AttributeValue = string | number | boolean | undefined | null;
export type Child = Node | string | number | false | null | undefined | readonly Child[];

/** Attributes by name, never event handlers: plan strings can only be values. */
function setAttributes(element: Element, attributes: Record<string, AttributeValue>): void {
    for (const [name, value] of Object.entries(attributes)) {
        if (value === undefined || value === null || value === false || /^on/i.test(name)) continue;
        element.setAttribute(name, value === true ? '' : String(value));
    }
}

function append(parent: Element, children: readonly Child[]): void {
    for (const child of children) {
        if (child === undefined || child === null || child === false) continue;
        if (Array.isArray(child)) append(parent, child);
        else parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
}

/** An HTML element: children as nodes or text (text is never parsed as HTML). */
export function h(tag: string, attributes: Record<string, AttributeValue> = {}, ...children: Child[]): HTMLElement {
    const element = document.createElement(tag);
    setAttributes(element, attributes);
    append(element, children);
    return element;
}

/**
 * DOM nodes for a drawing of pra-language/render, without parsing markup. Inline styles go through
 * the CSSOM: the page's Content-Security-Policy refuses style attributes, not style properties.
 */
export function svgNodes(node: SvgNode): Node {
    if (typeof node === 'string') return document.createTextNode(node);
    const element = document.createElementNS(svgNamespace, node.tag) as SVGElement;
    const { style, ...attributes } = node.attributes;
    setAttributes(element, attributes);
    if (style !== undefined) element.style.cssText = String(style);
    for (const child of node.children) element.append(svgNodes(child));
    return element;
}

/** Fills `{name}` placeholders of a label the server worded. */
export function fill(template: string, params: Record<string, string>): string {
    return template.replace(/\{(\w+)\}/g, (whole, key: string) => params[key] ?? whole);
}
