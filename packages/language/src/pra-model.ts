/**
 * The plan as plain data: what every view (checks, hover, preview, export) reads.
 * Durations are minutes, dates ISO `YYYY-MM-DD` strings, references element names.
 */
export interface SourcePosition { line: number; character: number }
export interface SourceRange { start: SourcePosition; end: SourcePosition }
/** Where an element is written: its file and the range of its name (0-based, LSP-style). */
export interface SourceRef { uri: string; range: SourceRange }

export type ElementKind = 'role' | 'asset' | 'activity' | 'risk' | 'fallback' | 'procedure' | 'exercise';

export interface NamedElement {
    name: string;
    title?: string;
    notes?: string;
    source: SourceRef;
}

export interface ElementRef { kind: ElementKind; name: string }

export interface PlanHeader {
    title: string;
    organisation?: string;
    version?: string;
    date?: string;
    language?: string;
    owner?: string;
    review?: string;
    scope?: string;
    distribution: string[];
    source: SourceRef;
}

export interface ScaleLevel { value: number; label?: string }
export interface Scales {
    likelihood: ScaleLevel[];
    impact: ScaleLevel[];
    tolerableFrom: number;
    unacceptableFrom: number;
}

export interface RoleData extends NamedElement {
    holder?: string;
    phone?: string;
    email?: string;
    deputy?: string;
    external: boolean;
}

export interface AssetData extends NamedElement {
    kind?: string;
    provider?: string;
    dependsOn: string[];
    owner?: string;
    slaMinutes?: number;
    count?: number;
}

export interface ImpactData { category: string; level: number; afterMinutes?: number }

export interface ActivityData extends NamedElement {
    owner?: string;
    criticality?: string;
    rtoMinutes?: number;
    rpoMinutes?: number;
    mtpdMinutes?: number;
    impacts: ImpactData[];
    uses: string[];
    manual?: string;
    catchup?: string;
    helper?: string;
}

export interface RiskData extends NamedElement {
    category?: string;
    likelihood?: number;
    impact?: number;
    downtimeMinutes?: number;
    datalossMinutes?: number;
    targets: string[];
    mitigatedBy: string[];
    residual?: { likelihood: number; impact: number };
    owner?: string;
}

export type CostPeriod = 'year' | 'month' | 'once';
export interface CostData { amount: number; currency?: string; period: CostPeriod }

export interface FallbackData extends NamedElement {
    type?: string;
    mode?: string;
    resource?: string;
    provider?: string;
    contract?: string;
    covers: ElementRef[];
    rtoMinutes?: number;
    rpoMinutes?: number;
    dependsOn: string[];
    cost?: CostData;
    tested?: string;
    offsite: boolean;
    offline: boolean;
    owner?: string;
    audience: string[];
}

export interface AlertData { how: string; to?: string }
export interface CrisisData {
    alerts: AlertData[];
    activation?: string;
    pilot?: string;
    team: string[];
    meeting?: string;
    source: SourceRef;
}

export interface StepData { text: string; by?: string; withinMinutes?: number }
export interface ProcedureData extends NamedElement {
    phase?: string;
    for: ElementRef[];
    steps: StepData[];
    owner?: string;
}

export interface ExerciseData extends NamedElement {
    date?: string;
    tests: ElementRef[];
    result?: string;
}

export interface PlanModel {
    /** The file holding the plan (or the file analysed when no file imports it). */
    rootUri: string;
    /** Every file whose elements are visible from the root, the root first. */
    uris: string[];
    header?: PlanHeader;
    scales: Scales;
    roles: RoleData[];
    assets: AssetData[];
    activities: ActivityData[];
    risks: RiskData[];
    fallbacks: FallbackData[];
    crisis?: CrisisData;
    procedures: ProcedureData[];
    exercises: ExerciseData[];
    exceptions: string[];
}

export const defaultScales: Scales = {
    likelihood: [{ value: 1 }, { value: 2 }, { value: 3 }, { value: 4 }],
    impact: [{ value: 1 }, { value: 2 }, { value: 3 }, { value: 4 }],
    tolerableFrom: 4,
    unacceptableFrom: 9
};
