import type { Lang } from 'pra-language';

/**
 * What the command line says, in the plan's language (or `--lang`): the lines around the
 * findings, the context a file was checked in, and the one-line reports of init, diff and import.
 */
const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
/** ` (a, b)` after a count, or nothing. */
const listed = (items: readonly string[]): string => items.length > 0 ? ` (${items.join(', ')})` : '';
/** French takes the singular for 0 and 1. */
const pluriel = (count: number, one: string, many: string): string => `${count} ${count <= 1 ? one : many}`;

export interface CliMessages {
    summary(files: number, errors: number, warnings: number, info: number): string;
    acceptedCount(accepted: number, shown: boolean): string;
    checkedInContext(file: string, plan: string): string;
    checkedAlone(file: string, searchRoot: string): string;
    contextOfOthers(file: string, plan: string, others: number): string;
    defaultOrganisation: string;
    initRefused: string;
    initWritten(file: string): string;
    importRefused: string;
    importMerged(file: string, updated: readonly string[], added: readonly string[], written: readonly string[]): string;
    importWritten(file: string): string;
}

const en: CliMessages = {
    summary: (files, errors, warnings, info) =>
        `${plural(files, 'file', 'files')} checked: ${plural(errors, 'error', 'errors')}, ${plural(warnings, 'warning', 'warnings')}, ${info} info.`,
    acceptedCount: (accepted, shown) =>
        `${plural(accepted, 'accepted finding', 'accepted findings')}${shown ? '' : ' not shown (--show-accepted lists them)'}.`,
    checkedInContext: (file, plan) => `${file}: checked in the context of ${plan}, the plan that imports it.`,
    checkedAlone: (file, root) => `${file}: no plan under ${root} imports this file; checked on its own.`,
    contextOfOthers: (file, plan, others) =>
        `${file}: ${plural(others, 'other plan imports', 'other plans import')} it too; checked in the context of ${plan} (the first by name).`,
    defaultOrganisation: 'My organisation',
    initRefused: 'already exists; pra init never overwrites a plan (choose another folder, or remove the file)',
    initWritten: file => `${file}: a new plan walking the six points of the template. Fill it in, then run: pra check ${file}`,
    importRefused: 'exists; pra import merges the workbook into it only with --force (it rewrites the plan), or choose a new -o file',
    importMerged: (file, updated, added, written) => `${file}: `
        + `${plural(updated.length, 'element updated', 'elements updated')}${listed(updated)}, `
        + `${plural(added.length, 'element added', 'elements added')}${listed(added)}; `
        + `${written.length ? `written: ${written.join(', ')}` : 'nothing to write'}.`,
    importWritten: file => `${file}: a new plan from the workbook. Complete it, then run: pra check ${file}`
};

const fr: CliMessages = {
    summary: (files, errors, warnings, info) =>
        `${pluriel(files, 'fichier vérifié', 'fichiers vérifiés')} : ${pluriel(errors, 'erreur', 'erreurs')}, ${pluriel(warnings, 'avertissement', 'avertissements')}, ${info} info.`,
    acceptedCount: (accepted, shown) =>
        `${pluriel(accepted, 'constat accepté', 'constats acceptés')}${shown ? '' : ' non affiché' + (accepted <= 1 ? '' : 's') + ' (--show-accepted les liste)'}.`,
    checkedInContext: (file, plan) => `${file} : vérifié dans le contexte de ${plan}, le plan qui l'importe.`,
    checkedAlone: (file, root) => `${file} : aucun plan sous ${root} n'importe ce fichier ; vérifié seul.`,
    contextOfOthers: (file, plan, others) =>
        `${file} : ${pluriel(others, 'autre plan l\'importe', 'autres plans l\'importent')} aussi ; vérifié dans le contexte de ${plan} (le premier par nom).`,
    defaultOrganisation: 'Mon organisation',
    initRefused: 'existe déjà ; pra init n\'écrase jamais un plan (choisissez un autre dossier, ou supprimez le fichier)',
    initWritten: file => `${file} : un nouveau plan qui suit les six points du modèle. Complétez-le, puis lancez : pra check ${file}`,
    importRefused: 'existe ; pra import n\'y fusionne le classeur qu\'avec --force (le plan est réécrit), ou choisissez un nouveau fichier -o',
    importMerged: (file, updated, added, written) => `${file} : `
        + `${pluriel(updated.length, 'élément mis à jour', 'éléments mis à jour')}${listed(updated)}, `
        + `${pluriel(added.length, 'élément ajouté', 'éléments ajoutés')}${listed(added)} ; `
        + `${written.length ? `écrit : ${written.join(', ')}` : 'rien à écrire'}.`,
    importWritten: file => `${file} : un nouveau plan tiré du classeur. Complétez-le, puis lancez : pra check ${file}`
};

export function cliMessages(lang: Lang): CliMessages {
    return lang === 'fr' ? fr : en;
}
