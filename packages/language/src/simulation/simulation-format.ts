import { formatDuration, listWords, type Lang } from '../pra-messages.js';
import type { Clock } from './clock.js';
import type { ActivityTimeline, AlertLink, Crossing, FailedAsset, SimulationResult } from './simulation-model.js';
import { simText, type SimTextKey } from './simulation-texts.js';
import type { TimelineEvent } from './timeline-events.js';

/** The stem of a sentence written for one and for many (`count.failed` of `count.failed.one` and `count.failed.many`). */
type CountedKey = {
    [K in SimTextKey]: K extends `${infer Stem}.one` ? `${Stem}.many` extends SimTextKey ? Stem : never : never
}[SimTextKey];

/**
 * The sentences of a simulation, shared by the text and Markdown renderers: each figure worded
 * once. `T+6 h` is a time from the start of the outage; the clock gives the wall-clock time.
 */
export class SimulationWords {
    constructor(readonly result: SimulationResult, readonly clock: Clock, readonly lang: Lang, private readonly maxNames = 8) { }

    t(key: SimTextKey, params: Readonly<Record<string, string | number>> = {}): string {
        return simText(key, this.lang, params);
    }

    /** The sentence `key.one` or `key.many` for a count. */
    count(key: CountedKey, count: number, params: Readonly<Record<string, string | number>> = {}): string {
        return this.t(`${key}.${count === 1 ? 'one' : 'many'}`, { ...params, count });
    }

    /** "label: value" with the language's spacing ("label : value" in French). */
    labelled(label: string, value: string): string {
        return this.t('labelled', { label, value });
    }

    offset(minutes: number): string {
        return minutes === 0 ? 'T+0' : `T+${formatDuration(minutes, this.lang)}`;
    }

    at(minutes: number): string {
        return this.clock.at(minutes, this.lang);
    }

    duration(minutes: number): string {
        return formatDuration(minutes, this.lang);
    }

    /** "A, B and C", or the first names and "and N more". */
    names(names: readonly string[]): string {
        if (names.length <= this.maxNames) return listWords(names, this.lang);
        return `${names.slice(0, this.maxNames).join(', ')} ${this.t('more', { count: names.length - this.maxNames })}`;
    }

    down(): string {
        const what = this.result.down.map(d => d.kind === 'asset' ? d.name
            : this.t(d.assets.length > 0 ? 'down.risk' : 'down.risk.empty', { name: d.name, assets: listWords(d.assets, this.lang) }));
        return this.t('down.at', { at: this.at(0), what: listWords(what, this.lang) });
    }

    restore(asset: FailedAsset): string {
        const restore = asset.restore;
        if (restore.state === 'known') {
            const waits = restore.waitsFor.length > 0 ? this.t('restore.waits', { assets: listWords(restore.waitsFor, this.lang) }) : '';
            return this.t('restore.known', {
                via: restore.via, duration: this.duration(restore.durationMinutes),
                start: this.offset(restore.startMinutes), end: this.offset(restore.endMinutes)
            }) + waits;
        }
        if (restore.reason === 'none') return this.t('restore.none');
        if (restore.reason === 'unstated') return this.t('restore.unstated', { fallbacks: listWords(restore.fallbacks, this.lang) });
        return this.t('restore.blocked', {
            fallbacks: listWords(restore.fallbacks, this.lang), needs: listWords(restore.needs, this.lang)
        });
    }

    hit(activity: ActivityTimeline): string {
        return this.t(`hit.${activity.hit.through}`, { chain: activity.hit.chain.slice(1).join(' → ') });
    }

    via(via: string): string {
        return via === 'manual' ? this.t('manual') : via;
    }

    back(activity: ActivityTimeline): string {
        const { back } = activity;
        const path = back.path ? this.t(`path.${back.path}`, { via: this.via(back.via ?? '') }) : '';
        if (back.backMinutes !== undefined) {
            return this.t('back.known', { offset: this.offset(back.backMinutes), at: this.at(back.backMinutes), path });
        }
        const why = back.unknownBecause && back.unknownBecause.length > 0
            ? this.t('back.unknown.why', { assets: listWords(back.unknownBecause, this.lang) }) : this.t('back.unknown.nothing');
        if (back.atLeast !== undefined) return this.t('back.atLeast', { offset: this.offset(back.atLeast), why });
        return this.t('back.unknown', { why });
    }

    limit(kind: 'rto' | 'mtpd', limit: { minutes: number; crossed: Crossing } | undefined): string | undefined {
        if (!limit) return undefined;
        const state = limit.crossed === 'yes'
            ? this.t('crossed.yes', { at: this.offset(limit.minutes) }) : this.t(`crossed.${limit.crossed}`);
        return this.labelled(this.t(`limit.${kind}`, { limit: this.duration(limit.minutes) }), state);
    }

    dataLost(activity: ActivityTimeline): string {
        const lost = activity.dataLost;
        if (!lost) return this.t('data.unknown');
        if (lost.minutes === 0 && !lost.atLeast) return this.t('data.none');
        return `${lost.atLeast ? this.t('at least') : ''}${this.duration(lost.minutes)}`;
    }

    money(amount: number, currency: string | undefined, atLeast: boolean): string {
        const number = amount.toLocaleString(this.lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 });
        return `${atLeast ? this.t('at least') : ''}${number}${currency ? ` ${currency}` : ''}`;
    }

    cost(activity: ActivityTimeline): string | undefined {
        const cost = activity.cost;
        return cost ? this.money(cost.amount, cost.currency, cost.atLeast) : undefined;
    }

    impacts(activity: ActivityTimeline): string | undefined {
        const reached = activity.impacts.filter(i => i.reached !== 'no');
        if (reached.length === 0) return undefined;
        return reached.map(i => this.impact(i.category, i.level, i.atMinutes)).join(', ');
    }

    impact(category: string, level: number, atMinutes: number): string {
        return this.t('impact.item', { category, level, offset: this.offset(atMinutes) });
    }

    /** A link of the alert chain: when, whom, how. */
    alert(alert: AlertLink): string {
        return this.t('alert.row', {
            offset: this.when({ minutes: alert.reachedMinutes, atLeast: alert.atLeast }), at: this.at(alert.reachedMinutes),
            to: alert.to ?? '?', how: alert.how
        });
    }

    meets(value: Crossing): string {
        return this.t(`meets.${value}`);
    }

    event(event: TimelineEvent): string {
        switch (event.kind) {
            case 'fail': return event.stopped.length > 0
                ? this.t('event.fail.stopped', { assets: this.names(event.assets), stopped: this.names(event.stopped) })
                : this.t('event.fail', { assets: this.names(event.assets) });
            case 'stop': return this.t('event.stop', { activities: this.names(event.activities) });
            case 'alert': return this.t('event.alert', { to: event.to ?? '?', how: event.how });
            case 'activation': return this.t('event.activation');
            case 'procedure-start':
                return this.t('event.procedure-start', { procedure: event.procedure, phase: this.t(`phase.${event.phase}`) });
            case 'procedure-end': return this.t('event.procedure-end', { procedure: event.procedure });
            case 'deadline': return this.t('event.deadline', { procedure: event.procedure, step: event.step });
            case 'restore': return this.t('event.restore', { asset: event.asset, via: event.via });
            case 'back': return this.t(`event.back.${event.path}`, { activity: event.activity, via: this.via(event.via) });
            case 'impact': return this.t('event.impact', { activity: event.activity, category: event.category, level: event.level });
            case 'rto': case 'mtpd': return this.t(`event.${event.kind}`, { activity: event.activity });
        }
    }

    /** An event that happens only if the activity is still down then (its return time is unknown). */
    eventText(event: TimelineEvent): string {
        const text = this.event(event);
        return event.uncertain ? this.t('event.uncertain', { event: text }) : text;
    }

    /** "T+6 h", or "≥ T+6 h" for a lower bound. */
    when(event: { minutes: number; atLeast?: boolean }): string {
        return `${event.atLeast ? '≥ ' : ''}${this.offset(event.minutes)}`;
    }

    /** A time of the schedule: "T+4 h", "≥ T+4 h" when some restore time is unknown, "unknown" when nothing is known. */
    caseFigure(minutes: number, atLeast: boolean): string {
        if (atLeast && minutes === 0) return this.t('unknown');
        return `${atLeast ? '≥ ' : ''}${this.offset(minutes)}`;
    }

    /** The recovery order in sentences: the waves, then the best and worst cases. */
    orderLines(): string[] {
        const order = this.result.order;
        if (order.waves.length === 0) return [];
        return [
            ...order.waves.map(wave => this.t('wave', {
                wave: wave.wave, cycle: wave.cycle ? this.t('wave.cycle') : '', assets: wave.assets.join(', ')
            })),
            this.t('best.case', {
                figure: this.caseFigure(order.bestCaseMinutes, order.atLeast), path: order.criticalPath.join(' → ') || '—'
            }),
            this.t('worst.case', { figure: this.caseFigure(order.worstCaseMinutes, order.atLeast) })
        ];
    }

    /** The simulation's findings in sentences. */
    findingLines(): string[] {
        return this.result.order.findings.map(f => this.t(`finding.${f.code}`, {
            activity: f.activity, best: this.caseFigure(f.bestMinutes, f.atLeast), mtpd: this.duration(f.mtpdMinutes),
            path: f.criticalPath.join(' → ') || '—'
        }));
    }

    summaryLines(): string[] {
        const r = this.result;
        const lines = [this.t('summary', {
            failed: this.count('count.failed', r.failed.length), stopped: this.count('count.stopped', r.stopped.length),
            hit: this.count('count.hit', r.activities.length)
        })];
        if (r.allBackMinutes !== undefined && r.activities.length > 0) {
            lines.push(this.t('all.back', { offset: this.offset(r.allBackMinutes), at: this.at(r.allBackMinutes) }));
        }
        if (r.unknownReturns.length > 0) {
            lines.push(this.count('not.all.back', r.unknownReturns.length, { names: this.names(r.unknownReturns) }));
        }
        if (r.costs.length > 0) {
            const amounts = r.costs.map(c => c.atLeast && c.amount === 0
                ? `${this.t('cost.unknown')}${c.currency ? ` (${c.currency})` : ''}`
                : this.money(c.amount, c.currency || undefined, c.atLeast));
            lines.push(this.t('costs', { amounts: amounts.join(', ') }));
        }
        return lines;
    }
}
