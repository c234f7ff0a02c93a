// An esbuild plugin shared by the server and CLI bundles: the ES modules of Langium and of the
// language import vscode-languageserver and vscode-languageserver-protocol (CommonJS) from twenty
// places, and esbuild gives each place its own ES-module view of them (`__toESM`: a getter per
// export, several hundred, copied twenty times at each start: ≈ 4 % of the server's CPU to first
// diagnostics). Here every `import … from` them goes through one ES module that re-exports the
// package: one view each. Only named imports use them (no default or namespace import), which is
// all `export *` carries.
const packages = /^vscode-languageserver(-protocol)?$/;

/** `resolveDir`: a folder from which node_modules resolves the packages. */
export function oneInterop(resolveDir) {
    return {
        name: 'one-interop',
        setup(esbuild) {
            esbuild.onResolve({ filter: packages }, args => args.namespace === 'one-interop' || args.kind !== 'import-statement'
                ? undefined : { path: args.path, namespace: 'one-interop' });
            esbuild.onLoad({ filter: /.*/, namespace: 'one-interop' }, args => ({
                contents: `export * from '${args.path}';`, resolveDir, loader: 'js'
            }));
        }
    };
}
