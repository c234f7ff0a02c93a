import type ExcelJS from 'exceljs';
import { loadExcel } from './excel.js';
import { textLookup, type Lang, type Texts } from '../pra-messages.js';
import type { PlanModel } from '../pra-model.js';
import { vocabulary } from '../pra-vocabulary.js';
import { columns, durationSource, flagWords, impactColumns, sheetNames, standardImpactTimes, type Column } from './bia-sheets.js';

/** Rows below the data that still get the lists (for the activities department heads add). */
const spareRows = 100;

type Cell = string | number | undefined;

function columnValue(column: Column, value: unknown, lang: Lang): Cell {
    if (value === undefined || value === null) return undefined;
    switch (column.cell.type) {
        case 'duration': return durationSource(value as number);
        case 'names': return (value as string[]).length > 0 ? (value as string[]).join(', ') : undefined;
        case 'flag': return value ? flagWords[lang].yes : flagWords[lang].no;
        case 'number': return value as number;
        default: return String(value);
    }
}

/** The values of each row, by column key, as the model holds them. */
function activityRows(model: PlanModel): Array<Record<string, unknown>> {
    return model.activities.map(a => ({
        name: a.name, title: a.title, owner: a.owner, criticality: a.criticality, rto: a.rtoMinutes, rpo: a.rpoMinutes, mtpd: a.mtpdMinutes,
        loss: a.loss?.amount, lossCurrency: a.loss?.currency, lossPeriod: a.loss?.period, uses: a.uses, needs: a.needs
    }));
}

function assetRows(model: PlanModel): Array<Record<string, unknown>> {
    return model.assets.map(a => ({
        name: a.name, title: a.title, kind: a.kind, owner: a.owner, provider: a.provider, sla: a.slaMinutes, stateless: a.stateless,
        dependsOn: a.dependsOn
    }));
}

function fallbackRows(model: PlanModel): Array<Record<string, unknown>> {
    return model.fallbacks.map(f => ({
        name: f.name, title: f.title, type: f.type, status: f.status, covers: f.covers.map(c => c.name),
        rto: f.rtoMinutes, rpo: f.rpoMinutes,
        cost: f.cost?.amount, costCurrency: f.cost?.currency, costPeriod: f.cost?.period, due: f.due, owner: f.owner
    }));
}

function header(sheet: ExcelJS.Worksheet, labels: string[], widths: number[]): void {
    sheet.columns = labels.map((label, i) => ({ header: label, width: widths[i] }));
    const row = sheet.getRow(1);
    row.font = { bold: true };
    row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 1 }];
}

/** What the workbook's cells say when a value is refused, in the plan's language. */
const validationTexts = {
    'list.title': { en: 'Unknown value', fr: 'Valeur inconnue' },
    'list.error': { en: 'Choose one of: {values}', fr: 'Choisissez l\'une des valeurs : {values}' },
    'level.title': { en: 'Level', fr: 'Niveau' },
    'level.error': { en: 'A level of the impact scale, 1 to {max}.', fr: 'Un niveau de l\'échelle d\'impact, de 1 à {max}.' }
} as const satisfies Readonly<Record<string, Texts>>;
const validationText = textLookup(validationTexts, 'BIA workbook');

/** A closed vocabulary as an in-cell list, on every data row and the spare rows below. */
function listValidation(sheet: ExcelJS.Worksheet, column: number, values: readonly string[], lastRow: number, lang: Lang): void {
    for (let row = 2; row <= lastRow; row++) {
        sheet.getCell(row, column).dataValidation = {
            type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`], showErrorMessage: true,
            errorTitle: validationText('list.title', lang),
            error: validationText('list.error', lang, { values: values.join(', ') })
        };
    }
}

function addListSheet(workbook: ExcelJS.Workbook, key: 'activities' | 'assets' | 'fallbacks', rows: Array<Record<string, unknown>>,
    lang: Lang): void {
    const defs = columns[key];
    const sheet = workbook.addWorksheet(sheetNames[key][lang]);
    header(sheet, defs.map(c => c[lang]), defs.map(c => c.width));
    for (const values of rows) sheet.addRow(defs.map(c => columnValue(c, values[c.key], lang) ?? null));
    const lastRow = rows.length + 1 + spareRows;
    defs.forEach((column, i) => {
        if (column.cell.type === 'choice') listValidation(sheet, i + 1, column.cell.values, lastRow, lang);
        if (column.cell.type === 'flag') listValidation(sheet, i + 1, [flagWords[lang].yes, flagWords[lang].no], lastRow, lang);
    });
}

/** The impact-over-time grid: one row per activity and category, a level per elapsed time. */
function addImpactSheet(workbook: ExcelJS.Workbook, model: PlanModel, lang: Lang): void {
    const times = new Set<number>(standardImpactTimes);
    let atOnce = false;
    for (const activity of model.activities) {
        for (const impact of activity.impacts) {
            if (impact.afterMinutes === undefined) atOnce = true; else times.add(impact.afterMinutes);
        }
    }
    const sorted = [...times].sort((a, b) => a - b);
    const timeColumns: Array<number | undefined> = [...(atOnce ? [undefined] : []), ...sorted];
    const sheet = workbook.addWorksheet(sheetNames.impacts[lang]);
    const timeLabels = timeColumns.map(t => t === undefined ? impactColumns.atOnce[lang] : durationSource(t));
    header(sheet, [impactColumns.activity[lang], impactColumns.category[lang], ...timeLabels], [22, 14, ...timeColumns.map(() => 9)]);
    let rows = 0;
    for (const activity of model.activities) {
        const categories = [...new Set(activity.impacts.map(i => i.category))];
        for (const category of categories) {
            const levelAt = (time: number | undefined) =>
                activity.impacts.find(i => i.category === category && i.afterMinutes === time)?.level;
            const levels = timeColumns.map(time => levelAt(time) ?? null);
            sheet.addRow([activity.name, category, ...levels]);
            rows++;
        }
    }
    const lastRow = rows + 1 + spareRows;
    const maxLevel = Math.max(...model.scales.impact.map(l => l.value), 1);
    listValidation(sheet, 2, vocabulary.impactCategory, lastRow, lang);
    for (let row = 2; row <= lastRow; row++) {
        for (let column = 3; column < 3 + timeColumns.length; column++) {
            sheet.getCell(row, column).dataValidation = {
                type: 'whole', operator: 'between', allowBlank: true, formulae: [1, maxLevel], showErrorMessage: true,
                errorTitle: validationText('level.title', lang),
                error: validationText('level.error', lang, { max: maxLevel })
            };
        }
    }
}

/**
 * The BIA workbook of a plan: activities (owner, criticality, RTO, RPO, MTPD, loss), the impact
 * grid, assets, fallbacks (status, cost), with in-cell lists on the closed vocabularies. Durations
 * are written as in the language (4h, 1d) so that `pra import` reads them back exactly.
 */
export async function renderBiaWorkbook(model: PlanModel, lang: Lang): Promise<Uint8Array> {
    const workbook = new (await loadExcel()).Workbook();
    workbook.creator = 'pra';
    workbook.title = model.header?.title ?? 'BIA';
    // A fixed date: the same plan gives the same workbook.
    workbook.created = workbook.modified = new Date(`${model.header?.date ?? '2000-01-01'}T00:00:00Z`);
    addListSheet(workbook, 'activities', activityRows(model), lang);
    addImpactSheet(workbook, model, lang);
    addListSheet(workbook, 'assets', assetRows(model), lang);
    addListSheet(workbook, 'fallbacks', fallbackRows(model), lang);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
}
