import { describe, expect, test } from 'vitest';
import { diagramPng } from '../../packages/language/src/export/diagram-svg.js';

const drawing = (text: string) => ({
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"><text x="4" y="20" font-family="Roboto">${text}</text></svg>`,
    width: 120, height: 30
});

describe("Word's PNG of a drawing", () => {
    test('the same SVG is drawn once: the second export takes the same picture', async () => {
        const first = await diagramPng(drawing('Serveur ERP'));
        expect(first).toBeDefined();
        expect([...first!.slice(1, 4)].map(c => String.fromCharCode(c)).join('')).toBe('PNG');
        expect(await diagramPng(drawing('Serveur ERP'))).toBe(first);
    });

    test('a drawing that differs by one letter is drawn again', async () => {
        const first = await diagramPng(drawing('Serveur ERP'));
        const other = await diagramPng(drawing('Serveur ERQ'));
        expect(other).not.toBe(first);
        expect(Buffer.from(other!).equals(Buffer.from(first!))).toBe(false);
    });
});
