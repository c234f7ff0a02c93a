import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { expect, test } from 'vitest';
import { zipFiles } from '../../packages/language/src/export/docx-zip.js';

test('the Word package zip holds every file as given, in order, small and large (past the faster compression level)', () => {
    const encoder = new TextEncoder();
    const row = '<w:tr><w:tc><w:p><w:r><w:t xml:space="preserve">Activité métier</w:t></w:r></w:p></w:tc></w:tr>';
    const files: Record<string, Uint8Array> = {
        '[Content_Types].xml': encoder.encode('<?xml version="1.0"?><Types/>'),
        'word/document.xml': encoder.encode(Array.from({ length: 120_000 }, (_, i) => row.replace('métier', `métier ${i}`)).join('')),
        'word/media/empty.png': new Uint8Array(0)
    };
    expect(files['word/document.xml'].length).toBeGreaterThan(8 * 1024 * 1024);
    const zip = zipFiles(files);
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual(Object.keys(files));
    for (const [name, data] of Object.entries(files)) expect(Buffer.from(back[name]).equals(Buffer.from(data)), name).toBe(true);
    expect(zip.length).toBeLessThan(files['word/document.xml'].length / 10);
    // Info-ZIP checks each file's CRC and sizes against the directory.
    const folder = mkdtempSync(join(tmpdir(), 'pra-zip-'));
    try {
        writeFileSync(join(folder, 'package.docx'), zip);
        expect(execFileSync('unzip', ['-t', join(folder, 'package.docx')], { encoding: 'utf8' })).toContain('No errors detected');
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
});
