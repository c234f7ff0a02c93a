import { describe, expect, test } from 'vitest';
import { buildFiles, createTestServices } from '../helpers.js';
import { exampleFolders, format, one } from './lsp-helpers.js';

const comments = (text: string): string[] => text.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g) ?? [];
const withoutWhitespace = (text: string): string => text.replace(/\s+/g, '');

describe('formatter on every example', () => {
    for (const [folder, files] of Object.entries(exampleFolders())) {
        for (const name of Object.keys(files)) {
            test(`${folder}/${name}: only whitespace changes, comments kept, idempotent`, async () => {
                const services = createTestServices();
                const documents = await buildFiles(services, files);
                const once = await format(services, documents[name]);
                expect(withoutWhitespace(once)).toBe(withoutWhitespace(files[name]));
                expect(comments(once).map(c => c.trim())).toEqual(comments(files[name]).map(c => c.trim()));
                const again = await buildFiles(services, { ...files, [name]: once });
                expect(await format(services, again[name])).toBe(once);
            });
        }
    }
});

describe('canonical layout', () => {
    test('indents by four spaces, one property per line, values aligned', async () => {
        const services = createTestServices();
        const document = await one(services, `role DSI "IT" { holder "P" phone "1"
  deputy DSI }
asset ERP { kind saas depends on Net owner DSI }  asset Net {kind internet}
activity Billing {
criticality high rto 4h  rpo 1d owner DSI uses ERP , Net
  impact { financial 2 after 4h legal 3 }
}`);
        expect(await format(services, document)).toBe(`role DSI "IT" {
    holder "P"
    phone  "1"
    deputy DSI
}
asset ERP {
    kind       saas
    depends on Net
    owner      DSI
}
asset Net {
    kind internet
}
activity Billing {
    criticality high
    rto         4h
    rpo         1d
    owner       DSI
    uses        ERP, Net
    impact {
        financial 2 after 4h
        legal     3
    }
}`);
    });

    test('keeps comments in place and re-indents own-line comments', async () => {
        const services = createTestServices();
        const document = await one(services, `// head
risk R {   // trailing
// own line
  likelihood 3 /* inline */ impact 4
      residual likelihood 2 impact 3
}`);
        expect(await format(services, document)).toBe(`// head
risk R {   // trailing
    // own line
    likelihood 3 /* inline */
    impact     4
    residual likelihood 2 impact 3
}`);
    });

    test('aligns runs of properties separately, steps by column, and comment continuations with their comment', async () => {
        const services = createTestServices();
        const document = await one(services, `role DSI { phone "1" }
activity A {
    criticality high
    rto 4h   // first line
             // second line
    impact { legal 2 }
    uses B

    manual "paper"
}
asset B { kind other }
procedure P {
    phase during
    step "Short" by DSI within 1h
    step "A longer step" within 2h
}`);
        expect(await format(services, document)).toBe(`role DSI {
    phone "1"
}
activity A {
    criticality high
    rto         4h   // first line
                     // second line
    impact {
        legal 2
    }
    uses B

    manual "paper"
}
asset B {
    kind other
}
procedure P {
    phase during
    step "Short"         by DSI within 1h
    step "A longer step"        within 2h
}`);
    });

    test('leaves a document with syntax errors untouched', async () => {
        const services = createTestServices();
        const document = await one(services, 'asset A {   kind saas\n  owner }');
        expect(await format(services, document)).toBe('asset A {   kind saas\n  owner }');
    });
});
