import type { Lang } from '../pra-messages.js';
import { vocabulary, type VocabularyName } from '../pra-vocabulary.js';

/**
 * The business impact analysis workbook (`pra export --format xlsx`, `pra import`): its sheets and
 * columns, in both languages (either is read back), and how each cell is written and read.
 */

export type SheetKey = 'activities' | 'impacts' | 'assets' | 'fallbacks';

/** How a cell is written and read: a name, names, a text, a duration (4h), a number, a date, a word of a closed list. */
export type CellType =
    | { type: 'name' } | { type: 'names' } | { type: 'text' } | { type: 'duration' } | { type: 'number' } | { type: 'date' }
    | { type: 'choice'; values: readonly string[] } | { type: 'flag' };

export interface Column { key: string; en: string; fr: string; cell: CellType; width: number }

const choice = (name: VocabularyName): CellType => ({ type: 'choice', values: vocabulary[name] });

export const sheetNames: Readonly<Record<SheetKey, { en: string; fr: string }>> = {
    activities: { en: 'Activities', fr: 'Activités' },
    impacts: { en: 'Impacts', fr: 'Impacts' },
    assets: { en: 'Assets', fr: 'Ressources' },
    fallbacks: { en: 'Fallbacks', fr: 'Secours' }
};

export const columns: Readonly<Record<Exclude<SheetKey, 'impacts'>, readonly Column[]>> = {
    activities: [
        { key: 'name', en: 'Activity', fr: 'Activité', cell: { type: 'name' }, width: 22 },
        { key: 'title', en: 'Title', fr: 'Intitulé', cell: { type: 'text' }, width: 36 },
        { key: 'owner', en: 'Owner (role)', fr: 'Responsable (rôle)', cell: { type: 'name' }, width: 20 },
        { key: 'criticality', en: 'Criticality', fr: 'Criticité', cell: choice('criticality'), width: 12 },
        { key: 'rto', en: 'RTO', fr: 'DMIA (RTO)', cell: { type: 'duration' }, width: 10 },
        { key: 'rpo', en: 'RPO', fr: 'PDMA (RPO)', cell: { type: 'duration' }, width: 10 },
        { key: 'mtpd', en: 'MTPD', fr: 'DMIT (MTPD)', cell: { type: 'duration' }, width: 10 },
        { key: 'loss', en: 'Loss', fr: 'Perte', cell: { type: 'number' }, width: 12 },
        { key: 'lossCurrency', en: 'Currency', fr: 'Devise', cell: { type: 'name' }, width: 9 },
        { key: 'lossPeriod', en: 'Loss per', fr: 'Perte par', cell: choice('lossPeriod'), width: 10 },
        { key: 'uses', en: 'Uses (assets)', fr: 'Utilise (ressources)', cell: { type: 'names' }, width: 30 },
        { key: 'needs', en: 'Needs (activities)', fr: 'Dépend de (activités)', cell: { type: 'names' }, width: 24 }
    ],
    assets: [
        { key: 'name', en: 'Asset', fr: 'Ressource', cell: { type: 'name' }, width: 22 },
        { key: 'title', en: 'Title', fr: 'Intitulé', cell: { type: 'text' }, width: 36 },
        { key: 'kind', en: 'Kind', fr: 'Nature', cell: choice('assetKind'), width: 13 },
        { key: 'owner', en: 'Owner (role)', fr: 'Responsable (rôle)', cell: { type: 'name' }, width: 20 },
        { key: 'provider', en: 'Provider', fr: 'Fournisseur', cell: { type: 'text' }, width: 22 },
        { key: 'sla', en: 'SLA', fr: 'SLA', cell: { type: 'duration' }, width: 9 },
        { key: 'stateless', en: 'Holds no data', fr: 'Sans données', cell: { type: 'flag' }, width: 13 },
        { key: 'dependsOn', en: 'Depends on (assets)', fr: 'Dépend de (ressources)', cell: { type: 'names' }, width: 26 }
    ],
    fallbacks: [
        { key: 'name', en: 'Fallback', fr: 'Moyen de secours', cell: { type: 'name' }, width: 22 },
        { key: 'title', en: 'Title', fr: 'Intitulé', cell: { type: 'text' }, width: 36 },
        { key: 'type', en: 'Type', fr: 'Type', cell: choice('fallbackType'), width: 14 },
        { key: 'status', en: 'Status', fr: 'Statut', cell: choice('status'), width: 10 },
        { key: 'covers', en: 'Covers', fr: 'Couvre', cell: { type: 'names' }, width: 26 },
        { key: 'rto', en: 'RTO', fr: 'RTO', cell: { type: 'duration' }, width: 9 },
        { key: 'rpo', en: 'RPO', fr: 'RPO', cell: { type: 'duration' }, width: 9 },
        { key: 'cost', en: 'Cost', fr: 'Coût', cell: { type: 'number' }, width: 11 },
        { key: 'costCurrency', en: 'Currency', fr: 'Devise', cell: { type: 'name' }, width: 9 },
        { key: 'costPeriod', en: 'Cost per', fr: 'Coût par', cell: { type: 'choice', values: ['year', 'month', 'once'] }, width: 10 },
        { key: 'due', en: 'Due (planned)', fr: 'Échéance (prévu)', cell: { type: 'date' }, width: 14 },
        { key: 'owner', en: 'Owner (role)', fr: 'Responsable (rôle)', cell: { type: 'name' }, width: 20 }
    ]
};

/** The Impacts grid: an activity and a category per row, a level per column of elapsed time. */
export const impactColumns = {
    activity: { en: 'Activity', fr: 'Activité' },
    category: { en: 'Category', fr: 'Catégorie' },
    atOnce: { en: 'at once', fr: 'd\'emblée' }
} as const;

/** The grid's time columns when the plan states none of its own (they are added to the plan's). */
export const standardImpactTimes: readonly number[] = [4 * 60, 24 * 60, 3 * 24 * 60, 7 * 24 * 60];

export const flagWords: Readonly<Record<Lang, { yes: string; no: string }>> = {
    en: { yes: 'yes', no: 'no' }, fr: { yes: 'oui', no: 'non' }
};

/** A duration as the language writes it: the largest exact unit (`1d`, `4h`, `90min`). */
export function durationSource(minutes: number): string {
    if (minutes > 0 && minutes % 10080 === 0) return `${minutes / 10080}w`;
    if (minutes > 0 && minutes % 1440 === 0) return `${minutes / 1440}d`;
    if (minutes > 0 && minutes % 60 === 0) return `${minutes / 60}h`;
    if (minutes > 0 && Number.isInteger(minutes)) return `${minutes}min`;
    return `${Math.round((minutes / 60) * 1000) / 1000}h`;
}

