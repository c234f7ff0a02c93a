import { format } from 'node:util';
import type MochaType from 'mocha';


/**
 * Entry point of the extension integration tests (extensionTestsPath), for @vscode/test-electron and
 * for code-server: runs the mocha tdd suite in the extension host and rejects when a test fails.
 */
export async function run(): Promise<void> {
    // In code-server the console reaches the page as raw format strings: format here.
    const log = console.log.bind(console);
    console.log = (...args: unknown[]) => log(format(...args));
    // mocha 12 is an ES module whose require() differs between extension hosts: load its CommonJS
    // build, and only now, as its reporter keeps the console.log it finds when loaded.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a require() here, late, is the point (see above)
    const Mocha = require('mocha/lib/mocha.cjs') as typeof MochaType;
    const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
    mocha.suite.emit('pre-require', globalThis, 'extension.test', mocha);
    await import('./extension.test.js');
    await import('./timeline.test.js');
    const failures = await new Promise<number>(resolve => mocha.run(resolve));
    console.log = log;
    if (failures > 0) throw new Error(`${failures} extension test(s) failed`);
}
