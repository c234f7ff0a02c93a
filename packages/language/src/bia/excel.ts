import type ExcelJSModule from 'exceljs';

/**
 * exceljs, loaded on first use: the language server's bundle leaves it out (it would more than
 * double the bundle and its start), so only an xlsx export or `pra import` loads it, from
 * node_modules (the VS Code extension offers no xlsx export).
 */
export async function loadExcel(): Promise<typeof ExcelJSModule> {
    const module = await import('exceljs') as unknown as { default?: typeof ExcelJSModule };
    return module.default ?? module as unknown as typeof ExcelJSModule;
}
