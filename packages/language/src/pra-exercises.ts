import type { ElementRef, ExerciseData, FallbackData, PlanModel } from './pra-model.js';

/**
 * What the exercises and `tested` dates say of each fallback and procedure: when it last passed,
 * whether its latest test failed, and whether it was drilled for real (a passed functional or
 * full-scale exercise) in the 12 months before the plan date.
 */

export type TestState = 'fresh' | 'stale' | 'missing' | 'failed';
export type ExerciseOutcome = 'passed' | 'partial' | 'failed';

export interface TestRecord {
    state: TestState;
    /** The latest passed test (a `tested` date or a passed exercise), when it is the latest test. */
    testedOn?: string;
    /** Days between that test and the plan date. */
    ageDays?: number;
    /** The latest exercise when it failed or was partial: the element counts as untested. */
    failedBy?: { exercise: string; result: ExerciseOutcome; date: string };
    /** Exercises that test it, in the plan's order. */
    exercises: string[];
    /** A passed functional or full-scale exercise in the 12 months before the plan date. */
    drilled: boolean;
}

const DAY_MS = 86_400_000;
const drillTypes = new Set(['functional', 'full-scale']);

/** The same day one year earlier (29 February gives 28 February). */
export function yearBefore(isoDate: string): string {
    const date = new Date(`${isoDate}T00:00:00Z`);
    if (Number.isNaN(date.getTime())) return isoDate;
    const month = date.getUTCMonth();
    date.setUTCFullYear(date.getUTCFullYear() - 1);
    if (date.getUTCMonth() !== month) date.setUTCDate(0);
    return date.toISOString().slice(0, 10);
}

/** What an exercise concluded for one of the elements it tests (`failed C` limits a failure to C). */
export function outcomeFor(exercise: ExerciseData, target: ElementRef): ExerciseOutcome | undefined {
    const result = exercise.result;
    if (result !== 'passed' && result !== 'partial' && result !== 'failed') return undefined;
    if (result === 'passed' || exercise.failed.length === 0) return result;
    return exercise.failed.some(f => f.kind === target.kind && f.name === target.name) ? result : 'passed';
}

/** An exercise dated after the plan date cannot have a result yet, and never counts as a test. */
export function isFutureExercise(exercise: ExerciseData, planDate: string): boolean {
    return exercise.date !== undefined && exercise.date > planDate && exercise.result !== undefined;
}

interface TestEvent { date: string; outcome: ExerciseOutcome; exercise?: ExerciseData }

/**
 * What a plan's fallbacks give its test records before any exercise: the key of each (`fallback:Name`)
 * and the record of each from its `tested` date alone (the record of every fallback no exercise
 * names). Depends on the fallbacks and the plan date only: a plan's inventory may keep it (RecoveryBase).
 */
export interface FallbackTests {
    keys: readonly string[];
    alone: readonly TestRecord[];
}

export function fallbackTests(fallbacks: readonly FallbackData[], planDate: string): FallbackTests {
    const since = yearBefore(planDate);
    return {
        keys: fallbacks.map(f => `fallback:${f.name}`),
        alone: fallbacks.map(f => recordFrom(f.tested !== undefined && f.tested <= planDate ? [{ date: f.tested, outcome: 'passed' }] : [],
            [], planDate, since))
    };
}

function recordFrom(list: TestEvent[], exercises: string[], planDate: string, since: string): TestRecord {
    // Latest last; on the same day an exercise wins over a `tested` date.
    list.sort((a, b) => a.date.localeCompare(b.date) || Number(!!a.exercise) - Number(!!b.exercise));
    const latest = list[list.length - 1];
    const drilled = list.some(e => e.outcome === 'passed' && e.exercise && drillTypes.has(e.exercise.type) && e.date >= since);
    const record: TestRecord = { state: 'missing', exercises, drilled };
    if (latest && latest.outcome !== 'passed') {
        record.state = 'failed';
        record.failedBy = { exercise: latest.exercise!.name, result: latest.outcome, date: latest.date };
    } else if (latest) {
        record.testedOn = latest.date;
        record.ageDays = Math.round((Date.parse(planDate) - Date.parse(latest.date)) / DAY_MS);
        record.state = latest.date < since ? 'stale' : 'fresh';
    }
    return record;
}

/**
 * Test records of every fallback and procedure an exercise or a `tested` date names, keyed
 * `kind:Name`: the `tested` dates first, then what the exercises name. `known` is `fallbackTests` of
 * the same fallbacks and date, when kept: only the elements the exercises name are read again.
 */
export function testRecords(
    model: PlanModel, planDate: string, known: FallbackTests = fallbackTests(model.fallbacks, planDate)
): Map<string, TestRecord> {
    const events = new Map<string, TestEvent[]>();
    const exercisesOf = new Map<string, string[]>();
    const key = (ref: ElementRef): string => `${ref.kind}:${ref.name}`;
    for (const exercise of model.exercises) {
        for (const target of exercise.tests) {
            const k = key(target);
            const list = exercisesOf.get(k);
            if (list) list.push(exercise.name); else exercisesOf.set(k, [exercise.name]);
            const outcome = outcomeFor(exercise, target);
            if (exercise.date === undefined || outcome === undefined || exercise.date > planDate) continue;
            const found = events.get(k);
            const event = { date: exercise.date, outcome, exercise };
            if (found) found.push(event); else events.set(k, [event]);
        }
    }
    const since = yearBefore(planDate);
    const records = new Map<string, TestRecord>();
    const testedBefore = (fallback: FallbackData): boolean => fallback.tested !== undefined && fallback.tested <= planDate;
    const fallbackRecord = (fallback: FallbackData, index: number): TestRecord => {
        const k = known.keys[index];
        if (!events.has(k) && !exercisesOf.has(k)) return known.alone[index];
        const list: TestEvent[] = testedBefore(fallback) ? [{ date: fallback.tested!, outcome: 'passed' }] : [];
        list.push(...events.get(k) ?? []);
        return recordFrom(list, exercisesOf.get(k) ?? [], planDate, since);
    };
    // The order of a full read: fallbacks with a `tested` date, what the exercises name, the other fallbacks.
    model.fallbacks.forEach((fallback, i) => { if (testedBefore(fallback)) records.set(known.keys[i], fallbackRecord(fallback, i)); });
    const named = [...events.keys(), ...exercisesOf.keys()];
    if (named.length > 0) {
        const fallbackAt = new Map<string, number>();
        known.keys.forEach((k, i) => { if (exercisesOf.has(k)) fallbackAt.set(k, i); });
        for (const k of named) {
            if (records.has(k)) continue;
            const at = fallbackAt.get(k);
            records.set(k, at !== undefined ? fallbackRecord(model.fallbacks[at], at)
                : recordFrom([...events.get(k) ?? []], exercisesOf.get(k) ?? [], planDate, since));
        }
    }
    model.fallbacks.forEach((fallback, i) => { if (!records.has(known.keys[i])) records.set(known.keys[i], fallbackRecord(fallback, i)); });
    return records;
}

/** The test record of a fallback (every fallback has one). */
export function recordOf(records: ReadonlyMap<string, TestRecord>, fallback: FallbackData): TestRecord {
    return records.get(`fallback:${fallback.name}`) ?? { state: 'missing', exercises: [], drilled: false };
}
