// Runs a CommonJS bundle (dist/*.cjs) with V8's code cache: the compiled code of a run is kept in
// the user's cache folder and given back to V8 on the next start, which then skips compiling what
// that run compiled (≈ 60–100 ms of a 1.8 MB bundle). A cache V8 rejects (another node, the bundle
// changed) is rewritten; a cache that cannot be written only costs that saving. Never the shared
// temp folder: V8 trusts its code cache, so it must be a file only this user can have written.
// CommonJS, as both bins (bin/package.json): node runs a CommonJS entry without starting its ES module
// loader (≈ 6–10 ms of CPU at each start); `import('pra-language/run-bundle')` still finds `runBundle`.
'use strict';
const { createHash } = require('node:crypto');
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { homedir } = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

/** `when`: 'exit' writes the cache as the process ends (a command), a number of ms after the start (a server; or at its end, if sooner). */
function runBundle(file, when = 'exit') {
    const source = readFileSync(file, 'utf8');
    const { size, mtimeMs } = statSync(file);
    // One cache per bundle file (named after it), replaced when the bundle or node changes.
    const prefix = `${createHash('sha1').update(file).digest('hex').slice(0, 12)}-`;
    const key = prefix + createHash('sha1').update(`${size}\0${mtimeMs}\0${process.version}\0${process.arch}`).digest('hex').slice(0, 12);
    const folder = path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'pra', 'code-cache');
    const cacheFile = path.join(folder, key);
    let cachedData;
    try {
        const info = statSync(cacheFile);
        // Written by this user and by no one else: a cache is code.
        const own = process.getuid === undefined || (info.uid === process.getuid() && (info.mode & 0o022) === 0);
        if (own) cachedData = readFileSync(cacheFile);
    } catch { /* first run */ }
    // The bundles turn import() into require() (esbuild's `supported: { 'dynamic-import': false }`); any left uses node's loader.
    const script = new vm.Script(Module.wrap(source), {
        filename: file, cachedData, importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER
    });
    if (cachedData === undefined || script.cachedDataRejected) {
        let saved = false;
        const save = () => {
            if (saved) return;
            saved = true;
            try {
                mkdirSync(folder, { recursive: true, mode: 0o700 });
                const temporary = `${cacheFile}.${process.pid}`;
                writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
                renameSync(temporary, cacheFile);
                for (const old of readdirSync(folder)) {
                    if (old.startsWith(prefix) && old !== key) rmSync(path.join(folder, old), { force: true });
                }
            } catch { /* no writable cache folder: no cache */ }
        };
        // A server that ends before `when` (a short session, a test) still leaves its cache.
        process.once('exit', save);
        if (when !== 'exit') setTimeout(save, when).unref();
    }
    const bundleModule = new Module(file, null);
    bundleModule.filename = file;
    bundleModule.paths = Module._nodeModulePaths(path.dirname(file));
    const run = script.runInThisContext();
    run.call(bundleModule.exports, bundleModule.exports, Module.createRequire(file), bundleModule, file, path.dirname(file));
}

module.exports = { runBundle };
