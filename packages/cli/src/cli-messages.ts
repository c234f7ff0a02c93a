import { textLookup, type Lang, type Texts } from 'pra-language';

/**
 * What the command line says, in the plan's language (or `--lang`): the lines around the findings,
 * the context a file was checked in, the one-line reports of init, diff and import, and its usage
 * and file problems. One catalogue, the mechanism of the language package (`{name}` placeholders,
 * `{count|one|other}` plural forms chosen by the language's rules), keyed by typed keys.
 */
const texts = {
    summary: {
        en: '{files} {files|file|files} checked: {errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}, {info} info.',
        fr: '{files} {files|fichier vérifié|fichiers vérifiés} : {errors} {errors|erreur|erreurs}, {warnings} {warnings|avertissement|avertissements}, {info} info.'
    },
    acceptedShown: {
        en: '{accepted} {accepted|accepted finding|accepted findings}.',
        fr: '{accepted} {accepted|constat accepté|constats acceptés}.'
    },
    acceptedHidden: {
        en: '{accepted} {accepted|accepted finding|accepted findings} not shown (--show-accepted lists them).',
        fr: '{accepted} {accepted|constat accepté non affiché|constats acceptés non affichés} (--show-accepted les liste).'
    },
    checkedInContext: {
        en: '{file}: checked in the context of {plan}, the plan that imports it.',
        fr: '{file} : vérifié dans le contexte de {plan}, le plan qui l\'importe.'
    },
    checkedAlone: {
        en: '{file}: no plan under {root} imports this file; checked on its own.',
        fr: '{file} : aucun plan sous {root} n\'importe ce fichier ; vérifié seul.'
    },
    contextOfOthers: {
        en: '{file}: {others} {others|other plan imports|other plans import} it too; checked in the context of {plan} (the first by name).',
        fr: '{file} : {others} {others|autre plan l\'importe|autres plans l\'importent} aussi ; vérifié dans le contexte de {plan} (le premier par nom).'
    },
    defaultOrganisation: { en: 'My organisation', fr: 'Mon organisation' },
    initRefused: {
        en: 'already exists; pra init never overwrites a plan (choose another folder, or remove the file)',
        fr: 'existe déjà ; pra init n\'écrase jamais un plan (choisissez un autre dossier, ou supprimez le fichier)'
    },
    initWritten: {
        en: '{file}: a new plan walking the six points of the template. Fill it in, then run: pra check {file}',
        fr: '{file} : un nouveau plan qui suit les six points du modèle. Complétez-le, puis lancez : pra check {file}'
    },
    importRefused: {
        en: 'exists; pra import merges the workbook into it only with --force (it rewrites the plan), or choose a new -o file',
        fr: 'existe ; pra import n\'y fusionne le classeur qu\'avec --force (le plan est réécrit), ou choisissez un nouveau fichier -o'
    },
    importMerged: {
        en: '{file}: {updated} {updated|element updated|elements updated}{updatedList}, {added} {added|element added|elements added}{addedList}; {written}.',
        fr: '{file} : {updated} {updated|élément mis à jour|éléments mis à jour}{updatedList}, {added} {added|élément ajouté|éléments ajoutés}{addedList} ; {written}.'
    },
    importWrittenFiles: { en: 'written: {files}', fr: 'écrit : {files}' },
    importNothingWritten: { en: 'nothing to write', fr: 'rien à écrire' },
    importWritten: {
        en: '{file}: a new plan from the workbook. Complete it, then run: pra check {file}',
        fr: '{file} : un nouveau plan tiré du classeur. Complétez-le, puis lancez : pra check {file}'
    },
    // Usage problems (exit 2), shown after `pra: ` and before the hint to run pra --help.
    'usage.hint': { en: '(run pra --help for usage)', fr: '(pra --help donne l\'usage)' },
    'usage.unknown-command': { en: 'unknown command \'{command}\'', fr: 'commande inconnue \'{command}\'' },
    'usage.unknown-option': { en: 'unknown option {option}', fr: 'option inconnue {option}' },
    'usage.option-value': { en: 'option {option} needs a value', fr: 'l\'option {option} demande une valeur' },
    'usage.choice': { en: '--{name} must be one of {allowed}', fr: '--{name} doit valoir l\'une des valeurs {allowed}' },
    'usage.date': { en: '--{name} must be a date written YYYY-MM-DD', fr: '--{name} doit être une date écrite AAAA-MM-JJ' },
    'usage.check-paths': {
        en: 'pra check needs at least one .pra file or folder', fr: 'pra check demande au moins un fichier .pra ou un dossier'
    },
    'usage.no-pra-file': { en: 'no .pra file under {paths}', fr: 'aucun fichier .pra sous {paths}' },
    'usage.git-revision': {
        en: '--git needs a revision (a commit, a tag, HEAD~1…)', fr: '--git demande une révision (un commit, une étiquette, HEAD~1…)'
    },
    'usage.diff-git-paths': {
        en: 'pra diff --git <rev> needs exactly one .pra file', fr: 'pra diff --git <rev> demande exactement un fichier .pra'
    },
    'usage.diff-paths': {
        en: 'pra diff needs two .pra files (old, new), or --git <rev> and one file',
        fr: 'pra diff demande deux fichiers .pra (ancien, nouveau), ou --git <rev> et un fichier'
    },
    'usage.export-paths': { en: 'pra export needs exactly one .pra file', fr: 'pra export demande exactement un fichier .pra' },
    'usage.output-path': { en: 'option -o needs a file path', fr: 'l\'option -o demande le chemin d\'un fichier' },
    'usage.output-is-plan': {
        en: '-o {target} would overwrite the plan itself; choose another file',
        fr: '-o {target} écraserait le plan lui-même ; choisissez un autre fichier'
    },
    'usage.since-revision': {
        en: '--since needs a git revision (a commit, a tag, HEAD~1…)',
        fr: '--since demande une révision git (un commit, une étiquette, HEAD~1…)'
    },
    'usage.import-paths': { en: 'pra import needs exactly one .xlsx workbook', fr: 'pra import demande exactement un classeur .xlsx' },
    'usage.import-output': { en: 'option -o needs a .pra file path', fr: 'l\'option -o demande le chemin d\'un fichier .pra' },
    'usage.import-output-pra': {
        en: '-o {target}: the plan written must be a .pra file', fr: '-o {target} : le plan écrit doit être un fichier .pra'
    },
    'usage.init-paths': { en: 'pra init takes at most one folder', fr: 'pra init prend au plus un dossier' },
    'usage.org': { en: '--org needs the name of the organisation', fr: '--org demande le nom de l\'organisation' },
    'usage.simulate-paths': { en: 'pra simulate needs exactly one .pra file', fr: 'pra simulate demande exactement un fichier .pra' },
    'usage.simulate-down': {
        en: 'pra simulate needs --down <Name>[,<Name>…]: the assets, risks or sites that fail',
        fr: 'pra simulate demande --down <Nom>[,<Nom>…] : les ressources, risques ou sites qui tombent'
    },
    'usage.at': { en: '--at must be a date-time written YYYY-MM-DDTHH:MM', fr: '--at doit être une date et une heure écrites AAAA-MM-JJTHH:MM' },
    // File problems (exit 2), after `pra: <file>: `.
    'file.missing': { en: 'no such file or folder', fr: 'fichier ou dossier introuvable' },
    'file.no-pra': { en: 'no .pra file in this folder', fr: 'aucun fichier .pra dans ce dossier' },
    'file.git-unreadable': { en: 'cannot be read from git ({reason})', fr: 'illisible depuis git ({reason})' },
    'file.not-utf8': { en: 'is not UTF-8 text', fr: 'n\'est pas du texte UTF-8' },
    'file.not-written': { en: 'cannot be written ({reason})', fr: 'ne peut pas être écrit ({reason})' },
    'file.no-such-file': { en: 'no such file', fr: 'fichier introuvable' },
    'file.unreadable': { en: 'cannot be read', fr: 'illisible' },
    'file.not-xlsx': { en: 'is not an .xlsx workbook', fr: 'n\'est pas un classeur .xlsx' },
    // The standard output failing (`| head -0`, a full disk), after `pra: `.
    'output.EPIPE': { en: 'the output was closed before everything was written', fr: 'la sortie a été fermée avant la fin de l\'écriture' },
    'output.ENOSPC': { en: 'no space left on the device of the output', fr: 'plus de place sur le périphérique de la sortie' },
    'output.EDQUOT': { en: 'disk quota exceeded on the device of the output', fr: 'quota disque dépassé sur le périphérique de la sortie' },
    'output.EIO': { en: 'input/output error on the output', fr: 'erreur d\'entrée/sortie sur la sortie' },
    'output.other': { en: 'cannot write the output ({reason})', fr: 'impossible d\'écrire la sortie ({reason})' },
    'output.incomplete': { en: '{reason}; the result is incomplete.', fr: '{reason} ; le résultat est incomplet.' },
    'internal-error': {
        en: 'internal error: {failure}. Please report it with the file that caused it.',
        fr: 'erreur interne : {failure}. Merci de la signaler avec le fichier qui l\'a causée.'
    }
} as const satisfies Readonly<Record<string, Texts>>;

export type CliTextKey = keyof typeof texts;

/** A line of the command line in `lang`, its placeholders filled. */
export const cliText = textLookup(texts, 'cli');

/**
 * The language of what the command line says before a plan is read: `--lang` when given, else English
 * (the language of the usage text).
 */
export function argvLanguage(argv: readonly string[]): Lang {
    const index = argv.findIndex(arg => arg === '--lang' || arg.startsWith('--lang='));
    const value = index < 0 ? undefined : argv[index].includes('=') ? argv[index].split('=')[1] : argv[index + 1];
    return value === 'fr' ? 'fr' : 'en';
}

/** ` (a, b)` after a count, or nothing. */
const listed = (items: readonly string[]): string => items.length > 0 ? ` (${items.join(', ')})` : '';

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

/** The reports of the commands in `lang`, read from the catalogue above. */
export function cliMessages(lang: Lang): CliMessages {
    return {
        summary: (files, errors, warnings, info) => cliText('summary', lang, { files, errors, warnings, info }),
        acceptedCount: (accepted, shown) => cliText(shown ? 'acceptedShown' : 'acceptedHidden', lang, { accepted }),
        checkedInContext: (file, plan) => cliText('checkedInContext', lang, { file, plan }),
        checkedAlone: (file, root) => cliText('checkedAlone', lang, { file, root }),
        contextOfOthers: (file, plan, others) => cliText('contextOfOthers', lang, { file, plan, others }),
        defaultOrganisation: cliText('defaultOrganisation', lang),
        initRefused: cliText('initRefused', lang),
        initWritten: file => cliText('initWritten', lang, { file }),
        importRefused: cliText('importRefused', lang),
        importMerged: (file, updated, added, written) => cliText('importMerged', lang, {
            file, updated: updated.length, updatedList: listed(updated), added: added.length, addedList: listed(added),
            written: written.length > 0
                ? cliText('importWrittenFiles', lang, { files: written.join(', ') }) : cliText('importNothingWritten', lang)
        }),
        importWritten: file => cliText('importWritten', lang, { file })
    };
}
