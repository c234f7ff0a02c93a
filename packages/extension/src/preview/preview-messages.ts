import type { FromWebviewMessage, PreviewMode, PreviewView, TimelineContent } from 'pra-language/protocol';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isLineNumber = (value: unknown): value is number =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 10_000_000;
const isMode = (value: unknown): value is PreviewMode => value === 'inherent' || value === 'residual';

const isView = (value: unknown): value is PreviewView => value === 'plan' || value === 'timeline';
const timelineStates: ReadonlySet<unknown> = new Set<TimelineContent['state']>(['none', 'view', 'vanished', 'refused']);
const isTimelineState = (value: unknown): value is TimelineContent['state'] => timelineStates.has(value);

const isNames = (value: unknown): value is string[] => Array.isArray(value) && value.length < 10_000
    && value.every(n => typeof n === 'string' && n.length < 1000);
/** A scenario: one name or a few, none empty. */
const isScenario = (value: unknown): value is string[] => isNames(value) && value.length > 0 && value.length <= 100
    && value.every(n => n.trim() !== '');

function isCells(value: unknown): value is Record<string, string[]> {
    return isObject(value) && Object.entries(value).every(([key, names]) =>
        /^\d{1,2}x\d{1,2}$/.test(key) && Array.isArray(names) && names.every(n => typeof n === 'string' && n.length < 1000));
}

/**
 * The message when it is one the preview sends (FromWebviewMessage), well formed; undefined otherwise.
 * The page is not trusted: anything else is ignored.
 */
export function parseWebviewMessage(raw: unknown, allowedUris: ReadonlySet<string>): FromWebviewMessage | undefined {
    if (!isObject(raw)) return undefined;
    switch (raw.type) {
        case 'ready':
            return { type: 'ready' };
        case 'reveal':
            return typeof raw.uri === 'string' && allowedUris.has(raw.uri) && isLineNumber(raw.line) && isLineNumber(raw.character)
                ? { type: 'reveal', uri: raw.uri, line: raw.line, character: raw.character } : undefined;
        case 'saveSvg':
            return { type: 'saveSvg' };
        case 'mode':
            return isMode(raw.mode) ? { type: 'mode', mode: raw.mode } : undefined;
        case 'rendered':
            return isMode(raw.mode) && typeof raw.stale === 'boolean' && isCells(raw.cells) && isNames(raw.tray ?? [])
                ? { type: 'rendered', mode: raw.mode, stale: raw.stale, cells: raw.cells, tray: (raw.tray ?? []) as string[] } : undefined;
        case 'view':
            return isView(raw.view) ? { type: 'view', view: raw.view } : undefined;
        case 'scenario':
            return isScenario(raw.down) ? { type: 'scenario', down: [...raw.down] } : undefined;
        case 'openMarkdown':
            return { type: 'openMarkdown' };
        case 'timelineRendered':
            return isTimelineState(raw.state) && isNames(raw.down) && isNames(raw.rows)
                ? { type: 'timelineRendered', state: raw.state, down: [...raw.down], rows: [...raw.rows] } : undefined;
        default:
            return undefined;
    }
}
