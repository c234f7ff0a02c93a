/**
 * The plan as plain data: what every view (checks, hover, preview, export) reads.
 * Durations are minutes, dates ISO `YYYY-MM-DD` strings, references element names.
 */
export interface SourcePosition { line: number; character: number }
export interface SourceRange { start: SourcePosition; end: SourcePosition }
/** Where an element is written: its file and the range of its name (0-based, LSP-style). */
export interface SourceRef { uri: string; range: SourceRange }

export type ElementKind = 'role' | 'asset' | 'activity' | 'risk' | 'fallback' | 'procedure' | 'exercise';

/** The kind of each named element, by its AST type: how findings, accept lines and references name it. */
export const elementKindOfType: Readonly<Record<string, ElementKind>> = {
    Role: 'role', Asset: 'asset', Activity: 'activity', Risk: 'risk', Fallback: 'fallback', Procedure: 'procedure', Exercise: 'exercise'
};

/** `accept <code> "<reason>" by <Role> [until <date>]`: a finding management has accepted. */
export interface AcceptData {
    code: string;
    reason: string;
    by?: string;
    until?: string;
    /** The range of the `accept` line. */
    source: SourceRef;
}

export interface NamedElement {
    name: string;
    title?: string;
    /** The `notes` paragraphs, in written order (repeatable). */
    notes?: string;
    accepts: AcceptData[];
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
    context: string[];
    assumptions: string[];
    revisions: RevisionData[];
    approvals: ApprovalData[];
    notes?: string;
    accepts: AcceptData[];
    source: SourceRef;
}

export interface RevisionData { version: string; date?: string; description: string; by?: string }
export interface ApprovalData { role: string; date?: string }

export interface ScaleLevel { value: number; label?: string; criteria?: string }
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
    /** Written `stateless`: holds no data that can be lost (some kinds hold none anyway, see holdsData). */
    stateless: boolean;
    contract?: string;
    /** Provider intervention time: information only, never a restore time. */
    responseMinutes?: number;
    availabilityPercent?: number;
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
    manual?: ManualData;
    catchup?: string;
    /** The outside helper: a role's name (helperRole set) or a free text. */
    helper?: string;
    helperRole?: string;
    /** Upstream activities this one cannot run without. */
    needs: string[];
    loss?: LossData;
}

export interface ManualData { text: string; withinMinutes?: number }
export type LossPeriod = 'day' | 'hour';
export interface LossData { amount: number; currency?: string; period: LossPeriod }

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
    /** Assets the fallback needs. */
    dependsOn: string[];
    /** Other fallbacks it needs (`depends on` takes assets or fallbacks). */
    dependsOnFallbacks: string[];
    cost?: CostData;
    tested?: string;
    offsite: boolean;
    offline: boolean;
    owner?: string;
    audience: string[];
    /** active (the default) | planned | option | rejected: only active means count. */
    status: string;
    due?: string;
    reason?: string;
}

export interface AlertData { how: string; to?: string; withinMinutes?: number }
/** Every `crisis` block of the plan read together (a second block is reported, never dropped). */
export interface CrisisData {
    alerts: AlertData[];
    activation?: string;
    pilot?: string;
    team: string[];
    meeting?: string;
    triggers: string[];
    standdowns: string[];
    source: SourceRef;
}

export interface StepData { text: string; by: string[]; withinMinutes?: number; deadlineMinutes?: number }
/** A step, or a `parallel` block of steps that run at the same time. */
export type ProcedureItem = { step: StepData } | { parallel: StepData[] };
export interface ProcedureData extends NamedElement {
    phase?: string;
    for: ElementRef[];
    items: ProcedureItem[];
    /** Every step, parallel ones included, in written order. */
    steps: StepData[];
    owner?: string;
}

export interface ExerciseData extends NamedElement {
    date?: string;
    tests: ElementRef[];
    result?: string;
    /** tabletop | walkthrough (the default) | functional | full-scale */
    type: string;
    scenario?: string;
    measuredRtoMinutes?: number;
    measuredRpoMinutes?: number;
    /** With `result partial|failed`, only these failed; empty means everything tested. */
    failed: ElementRef[];
}

/** A second plan, crisis, acceptance or scale of one axis in the visible set (`duplicate-element`). */
export interface DuplicateElement { kind: 'plan' | 'crisis' | 'acceptance' | 'scale'; axis?: string; source: SourceRef }

export interface PlanModel {
    /** The file holding the plan (or the file analysed when no file imports it). */
    rootUri: string;
    /** Every file whose elements are visible from the root, imported files before the files importing them, the root last. */
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
    duplicates: DuplicateElement[];
}

export const defaultScales: Scales = {
    likelihood: [{ value: 1 }, { value: 2 }, { value: 3 }, { value: 4 }],
    impact: [{ value: 1 }, { value: 2 }, { value: 3 }, { value: 4 }],
    tolerableFrom: 4,
    unacceptableFrom: 9
};
