/**
 * What an outage simulation answers, as plain data (the JSON of `pra simulate --format json`).
 * Every time is a number of minutes from the start of the outage (`…Minutes`); `start` says when
 * that is. A time the plan does not give is absent, with the reason, never guessed.
 */

/** A lower bound when the exact time is unknown: `atLeast` minutes, or nothing known at all. */
export interface Bound { atLeast?: number }

/** What the user named as down, and the assets that meant. */
export interface DownElement {
    name: string;
    /** An asset (a `site` is an asset of kind site) or a risk (meaning its `targets`). */
    kind: 'asset' | 'risk';
    assets: string[];
}

/** Why the plan gives no time to restore a failed asset in this scenario. */
export type UnknownRestore =
    /** No active fallback covers it. */
    | { reason: 'none' }
    /** Its active fallbacks state no `rto`. */
    | { reason: 'unstated'; fallbacks: string[] }
    /** Every fallback with an `rto` needs something that is down and cannot come back first (itself, or a cycle). */
    | { reason: 'blocked'; fallbacks: string[]; needs: string[] };

export type Restore =
    | {
        state: 'known';
        /** The fallback that restores it. */
        via: string;
        /** Its `rto`: how long the restore takes once it can start. */
        durationMinutes: number;
        /** When it can start: when the failed assets its fallback needs are back (0 when none). */
        startMinutes: number;
        endMinutes: number;
        /** Failed assets the fallback waits for. */
        waitsFor: string[];
        /** The fallback the analysis gives as best was not usable at once: another one, or a later start. */
        delayed: boolean;
    }
    | ({ state: 'unknown' } & UnknownRestore);

export interface FailedAsset {
    name: string;
    /** What was named that made it fail. */
    cause: string;
    holdsData: boolean;
    restore: Restore;
    /** Activities hit because of it, in the plan's order. */
    activities: string[];
}

/** How an activity is reached from a failed asset: the names from the activity to it (`Paie → App → Srv`). */
export interface HitPath {
    through: 'uses' | 'depends on' | 'needs';
    chain: string[];
}

export type Crossing = 'yes' | 'no' | 'unknown';

export interface ImpactStep {
    category: string;
    level: number;
    /** When the level is reached if the activity is still down (its `after`, 0 without one). */
    atMinutes: number;
    /** Reached before the activity is back; `unknown` when its return time is unknown. */
    reached: Crossing;
}

export interface Comeback {
    /** When it runs again (degraded or not); absent when unknown. */
    backMinutes?: number;
    /** Lower bound when unknown. */
    atLeast?: number;
    path?: 'direct' | 'asset';
    /** The fallback, or `manual`, that brings it back; for the asset path, the slowest restore. */
    via?: string;
    /** Why it is unknown: a failed asset with no restore time (said by its `restore`). */
    unknownBecause?: string[];
}

export interface ActivityTimeline {
    name: string;
    title?: string;
    criticality?: string;
    hit: HitPath;
    /** Failed assets among those it needs, in restore order (the recovery order). */
    failedAssets: string[];
    stopMinutes: number;
    /** The direct path in this scenario: the first member ready (a fallback covering it, its manual `within`). */
    direct?: { minutes: number; via: string; delayed: boolean };
    /** The asset path in this scenario: when every failed asset it needs is back (restores in parallel, as the plan's figures). */
    assetPath: Comeback;
    back: Comeback;
    rto?: { minutes: number; crossed: Crossing };
    mtpd?: { minutes: number; crossed: Crossing };
    impacts: ImpactStep[];
    /** Data lost: the achieved RPO over the failed data-holding assets it uses (0: none of them failed). */
    dataLost?: { minutes: number; atLeast: boolean; via?: string };
    /** `loss` × downtime; `atLeast` when the downtime is only bounded. */
    cost?: { amount: number; currency?: string; atLeast: boolean };
}

export interface AlertLink {
    how: string;
    to?: string;
    withinMinutes?: number;
    /** When this link is reached: the `within` of the links so far added up (at least that, once a link has no `within`). */
    reachedMinutes: number;
    atLeast: boolean;
}

export interface StepRun {
    text: string;
    by: string[];
    /** The parallel block it belongs to (its index in the procedure), when it runs beside others. */
    parallel?: number;
    startMinutes?: number;
    endMinutes?: number;
    /** A `deadline`: counted from activation, never summed. */
    dueMinutes?: number;
    /** The step states no `within`: it takes no time in the count. */
    untimed: boolean;
}

export interface ProcedureRun {
    name: string;
    title?: string;
    phase: 'during' | 'after';
    /** What it serves in this scenario. */
    for: string[];
    /** During: at activation; after: when what it serves is back (absent when unknown). */
    startMinutes?: number;
    endMinutes?: number;
    /** Steps added up as the analysis counts them (its `totalWithinMinutes`). */
    durationMinutes: number;
    steps: StepRun[];
}

export interface RecoveryWave {
    /** 1-based. */
    wave: number;
    /** Restored at the same time; the tightest RTO they serve first. */
    assets: string[];
    /** The assets of this wave depend on one another (a cycle): run together, in this order. */
    cycle: boolean;
}

export interface ScheduledRestore {
    asset: string;
    wave: number;
    /** Tightest RTO among the activities it brings back. */
    tightestRtoMinutes?: number;
    /** Best case: each restore starts as soon as what it needs is back (teams in parallel). */
    bestStartMinutes: number;
    bestEndMinutes: number;
    /** Worst case: one restore after the other, in the recovery order. */
    worstEndMinutes: number;
    /** Its restore time is unknown: counted as 0, figures after it are lower bounds. */
    unknown: boolean;
}

export interface ActivityCase {
    activity: string;
    rtoMinutes?: number;
    mtpdMinutes?: number;
    best?: number;
    worst?: number;
    /** Some restore it waits for has no known time: best and worst are lower bounds. */
    atLeast: boolean;
    bestMeetsRto: Crossing;
    worstMeetsRto: Crossing;
    bestMeetsMtpd: Crossing;
    worstMeetsMtpd: Crossing;
}

/** Something the simulation shows the plan should change (not a diagnostic of the plan). */
export interface SimulationFinding {
    code: 'best-case-misses-mtpd';
    activity: string;
    bestMinutes: number;
    mtpdMinutes: number;
    atLeast: boolean;
    /** The restores on its critical path, first to last. */
    criticalPath: string[];
}

export interface RecoveryOrder {
    waves: RecoveryWave[];
    restores: ScheduledRestore[];
    /** The chain of restores ending last in the best case, first to last. */
    criticalPath: string[];
    bestCaseMinutes: number;
    worstCaseMinutes: number;
    atLeast: boolean;
    activities: ActivityCase[];
    findings: SimulationFinding[];
}

export interface SimulationResult {
    /** The start of the outage as given (ISO date-time). */
    start: string;
    down: DownElement[];
    failed: FailedAsset[];
    /** Assets not lost but stopped, because they depend on a failed one: back with it. */
    stopped: string[];
    /** Fallbacks that need a failed asset: usable only once it is back. */
    impairedFallbacks: string[];
    activities: ActivityTimeline[];
    alerts: AlertLink[];
    /** End of the alert chain: when the plan is activated, and from when deadlines count. */
    activationMinutes: number;
    activationAtLeast: boolean;
    procedures: ProcedureRun[];
    order: RecoveryOrder;
    /** The last activity back; absent when some return time is unknown. */
    allBackMinutes?: number;
    /** Activities whose return time is unknown. */
    unknownReturns: string[];
    /** `loss` × downtime per currency ('' when the plan names none); `atLeast` when some downtime is only bounded. */
    costs: Array<{ currency: string; amount: number; atLeast: boolean }>;
}
