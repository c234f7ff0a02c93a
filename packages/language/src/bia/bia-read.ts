import type ExcelJS from 'exceljs';
import { loadExcel } from './excel.js';
import { textLookup, type Lang, type MessageParams, type Texts } from '../pra-messages.js';
import type { ImpactData } from '../pra-model.js';
import { durationToMinutes, vocabulary } from '../pra-vocabulary.js';
import { isValidName } from '../pra-syntax.js';
import { columns, flagWords, impactColumns, sheetNames, type Column, type SheetKey } from './bia-sheets.js';

/** A value read from a cell: minutes for durations, names for lists, true/false for flags. */
export type BiaValue = string | number | boolean | string[];

/** One row of the Activities, Assets or Fallbacks sheet: the cells it holds (empty cells are not held). */
export interface BiaRow {
    name: string;
    values: Map<string, BiaValue>;
    /** Where each value was read (`Activités!E3`), to report what cannot be applied. */
    cells: Map<string, string>;
    /** The address of the row's name cell. */
    at: string;
}

export interface BiaData {
    /** The language of the workbook's sheet names (either is read). */
    lang: Lang;
    activities: BiaRow[];
    assets: BiaRow[];
    fallbacks: BiaRow[];
    /** The impact levels held for each activity (by name), with where each was read. */
    impacts: Map<string, Array<ImpactData & { at: string }>>;
}

/** A cell that could not be read: its sheet, its address, and why. */
export interface CellProblem { sheet: string; cell: string; message: string }

/** What reading a workbook says of a cell it cannot use, in the plan's language. */
const problemCatalogue = {
    noSheet: { en: 'the workbook has none of the sheets {names}', fr: 'le classeur n\'a aucune des feuilles {names}' },
    noName: {
        en: 'this row holds values but no name: it is skipped', fr: 'cette ligne contient des valeurs mais pas de nom : elle est ignorée'
    },
    badName: {
        en: '\'{text}\' is not a name (letters, digits, _ and -, starting with a letter)',
        fr: '\'{text}\' n\'est pas un nom (lettres, chiffres, _ et -, commençant par une lettre)'
    },
    badDuration: {
        en: '\'{text}\' is not a duration: write a number glued to its unit, e.g. 4h, 30min, 2d, 1w',
        fr: '\'{text}\' n\'est pas une durée : écrivez un nombre collé à son unité, par ex. 4h, 30min, 2d, 1w'
    },
    badNumber: { en: '\'{text}\' is not a number', fr: '\'{text}\' n\'est pas un nombre' },
    badDate: { en: '\'{text}\' is not a date (YYYY-MM-DD)', fr: '\'{text}\' n\'est pas une date (AAAA-MM-JJ)' },
    badChoice: { en: '\'{text}\' is not one of {values}', fr: '\'{text}\' n\'est pas l\'une des valeurs {values}' },
    badFlag: { en: '\'{text}\': write {yes} or {no}', fr: '\'{text}\' : écrivez {yes} ou {no}' },
    badLevel: {
        en: '\'{text}\' is not a level (a whole number from 1)', fr: '\'{text}\' n\'est pas un niveau (un nombre entier à partir de 1)'
    },
    badTime: {
        en: '\'{text}\' is not an elapsed time (write e.g. 4h, 1d) nor \'{atOnce}\'',
        fr: '\'{text}\' n\'est pas une durée écoulée (par ex. 4h, 1d) ni \'{atOnce}\''
    },
    duplicate: { en: '{name} is already on {first}: this row is skipped', fr: '{name} figure déjà en {first} : cette ligne est ignorée' },
    unknownColumn: { en: 'unknown column \'{text}\': it is not read', fr: 'colonne inconnue \'{text}\' : elle n\'est pas lue' }
} as const satisfies Readonly<Record<string, Texts>>;
const problemText = textLookup(problemCatalogue, 'BIA reading');

/** The problems of the catalogue above as functions of their values, in `lang`. */
function problemTexts(lang: Lang) {
    const say = (key: keyof typeof problemCatalogue, params: MessageParams = {}): string => problemText(key, lang, params);
    return {
        noSheet: (names: string) => say('noSheet', { names }),
        noName: say('noName'),
        badName: (text: string) => say('badName', { text }),
        badDuration: (text: string) => say('badDuration', { text }),
        badNumber: (text: string) => say('badNumber', { text }),
        badDate: (text: string) => say('badDate', { text }),
        badChoice: (text: string, values: string) => say('badChoice', { text, values }),
        badFlag: (text: string, yes: string, no: string) => say('badFlag', { text, yes, no }),
        badLevel: (text: string) => say('badLevel', { text }),
        badTime: (text: string) => say('badTime', { text, atOnce: impactColumns.atOnce[lang] }),
        duplicate: (name: string, first: string) => say('duplicate', { name, first }),
        unknownColumn: (text: string) => say('unknownColumn', { text })
    };
}

/** The text of a cell, whatever Excel or LibreOffice stored (rich text, formula result, date). */
export function cellText(value: ExcelJS.CellValue): string {
    if (value === null || value === undefined) return '';
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'object') {
        if ('richText' in value) return value.richText.map(r => r.text).join('').trim();
        if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
        if ('text' in value) return String(value.text).trim();
        if ('error' in value) return String(value.error);
        return '';
    }
    return String(value).trim();
}

type Reading = { value: BiaValue } | { problem: string };

function readCell(column: Column, raw: ExcelJS.CellValue, lang: Lang): Reading {
    const t = problemTexts(lang);
    const text = cellText(raw);
    switch (column.cell.type) {
        case 'name': return isValidName(text) ? { value: text } : { problem: t.badName(text) };
        case 'names': {
            const names = text.split(/[,;]\s*|\s+/).map(n => n.trim()).filter(Boolean);
            const bad = names.find(n => !isValidName(n));
            return bad ? { problem: t.badName(bad) } : { value: names };
        }
        case 'text': return { value: text };
        case 'duration': {
            const minutes = durationToMinutes(text.replace(/\s+/g, ''));
            return Number.isFinite(minutes) && minutes >= 0 ? { value: minutes } : { problem: t.badDuration(text) };
        }
        case 'number': {
            const number = typeof raw === 'number' ? raw : Number(text.replace(/\s/g, '').replace(',', '.'));
            return Number.isFinite(number) && number >= 0 ? { value: number } : { problem: t.badNumber(text) };
        }
        case 'date': return /^\d{4}-\d{2}-\d{2}$/.test(text) ? { value: text } : { problem: t.badDate(text) };
        case 'choice':
            return column.cell.values.includes(text) ? { value: text } : { problem: t.badChoice(text, column.cell.values.join(', ')) };
        case 'flag': {
            const word = text.toLowerCase();
            if (word === flagWords.en.yes || word === flagWords.fr.yes) return { value: true };
            if (word === flagWords.en.no || word === flagWords.fr.no) return { value: false };
            return { problem: t.badFlag(text, flagWords[lang].yes, flagWords[lang].no) };
        }
    }
}

function findSheet(workbook: ExcelJS.Workbook, key: SheetKey): { sheet: ExcelJS.Worksheet; lang: Lang } | undefined {
    for (const lang of ['fr', 'en'] as const) {
        const sheet = workbook.getWorksheet(sheetNames[key][lang]);
        if (sheet) return { sheet, lang };
    }
    return undefined;
}

type ListSheet = 'activities' | 'assets' | 'fallbacks';

function readListSheet(sheet: ExcelJS.Worksheet, key: ListSheet, lang: Lang, problems: CellProblem[]): BiaRow[] {
    const defs = columns[key];
    const t = problemTexts(lang);
    // Columns are found by their header, in either language, wherever they are.
    const byColumn = new Map<number, Column>();
    sheet.getRow(1).eachCell((cell, column) => {
        const label = cellText(cell.value);
        const def = defs.find(c => c.en === label || c.fr === label);
        if (def) byColumn.set(column, def);
        else if (label) problems.push({ sheet: sheet.name, cell: cell.address, message: t.unknownColumn(label) });
    });
    const nameColumn = [...byColumn].find(([, def]) => def.key === 'name')?.[0];
    const rows: BiaRow[] = [];
    const seen = new Map<string, string>();
    sheet.eachRow((row, number) => {
        if (number === 1) return;
        const held = [...byColumn].filter(([column]) => cellText(row.getCell(column).value) !== '');
        if (held.length === 0) return;
        const nameCell = row.getCell(nameColumn ?? 1);
        const name = cellText(nameCell.value);
        if (!name) { problems.push({ sheet: sheet.name, cell: nameCell.address, message: t.noName }); return; }
        if (!isValidName(name)) { problems.push({ sheet: sheet.name, cell: nameCell.address, message: t.badName(name) }); return; }
        const first = seen.get(name);
        if (first) { problems.push({ sheet: sheet.name, cell: nameCell.address, message: t.duplicate(name, first) }); return; }
        seen.set(name, `${sheet.name}!${nameCell.address}`);
        const result: BiaRow = { name, values: new Map(), cells: new Map(), at: `${sheet.name}!${nameCell.address}` };
        for (const [column, def] of held) {
            if (def.key === 'name') continue;
            const cell = row.getCell(column);
            const reading = readCell(def, cell.value, lang);
            if ('problem' in reading) problems.push({ sheet: sheet.name, cell: cell.address, message: reading.problem });
            else {
                result.values.set(def.key, reading.value);
                result.cells.set(def.key, `${sheet.name}!${cell.address}`);
            }
        }
        rows.push(result);
    });
    return rows;
}

function readImpactSheet(sheet: ExcelJS.Worksheet, lang: Lang, problems: CellProblem[]): BiaData['impacts'] {
    const t = problemTexts(lang);
    const impacts: BiaData['impacts'] = new Map();
    const times = new Map<number, number | undefined>();
    sheet.getRow(1).eachCell((cell, column) => {
        if (column <= 2) return;
        const label = cellText(cell.value);
        if (label === impactColumns.atOnce.en || label === impactColumns.atOnce.fr) { times.set(column, undefined); return; }
        const minutes = durationToMinutes(label.replace(/\s+/g, ''));
        if (Number.isFinite(minutes) && minutes > 0) times.set(column, minutes);
        else problems.push({ sheet: sheet.name, cell: cell.address, message: t.badTime(label) });
    });
    sheet.eachRow((row, number) => {
        if (number === 1) return;
        const activityCell = row.getCell(1);
        const categoryCell = row.getCell(2);
        const levels = [...times].filter(([column]) => cellText(row.getCell(column).value) !== '');
        if (levels.length === 0) return;
        const activity = cellText(activityCell.value);
        const category = cellText(categoryCell.value);
        const problem = (cell: ExcelJS.Cell, message: string): void => {
            problems.push({ sheet: sheet.name, cell: cell.address, message });
        };
        if (!isValidName(activity)) { problem(activityCell, activity ? t.badName(activity) : t.noName); return; }
        if (!(vocabulary.impactCategory as readonly string[]).includes(category)) {
            problem(categoryCell, t.badChoice(category, vocabulary.impactCategory.join(', ')));
            return;
        }
        for (const [column, after] of levels) {
            const cell = row.getCell(column);
            const text = cellText(cell.value);
            const level = Number(text);
            if (!Number.isInteger(level) || level < 1) { problem(cell, t.badLevel(text)); continue; }
            const list = impacts.get(activity) ?? [];
            list.push({ category, level, ...(after !== undefined ? { afterMinutes: after } : {}), at: `${sheet.name}!${cell.address}` });
            impacts.set(activity, list);
        }
    });
    return impacts;
}

/** Reads a BIA workbook; every cell that cannot be read is a problem, and is not applied. */
export async function readBiaWorkbook(bytes: Uint8Array): Promise<{ data: BiaData; problems: CellProblem[] }> {
    const workbook = new (await loadExcel()).Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const problems: CellProblem[] = [];
    const found = {
        activities: findSheet(workbook, 'activities'), impacts: findSheet(workbook, 'impacts'),
        assets: findSheet(workbook, 'assets'), fallbacks: findSheet(workbook, 'fallbacks')
    };
    const lang: Lang = found.activities?.lang ?? found.assets?.lang ?? found.fallbacks?.lang ?? 'en';
    if (!found.activities && !found.assets && !found.fallbacks) {
        const names = (['activities', 'assets', 'fallbacks'] as const).map(k => `${sheetNames[k].en}/${sheetNames[k].fr}`).join(', ');
        problems.push({ sheet: '', cell: '', message: problemTexts(lang).noSheet(names) });
    }
    const data: BiaData = {
        lang,
        activities: found.activities ? readListSheet(found.activities.sheet, 'activities', lang, problems) : [],
        assets: found.assets ? readListSheet(found.assets.sheet, 'assets', lang, problems) : [],
        fallbacks: found.fallbacks ? readListSheet(found.fallbacks.sheet, 'fallbacks', lang, problems) : [],
        impacts: found.impacts ? readImpactSheet(found.impacts.sheet, lang, problems) : new Map()
    };
    return { data, problems };
}
