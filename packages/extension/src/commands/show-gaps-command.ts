import type { GapsView } from '../gaps/gaps-view.js';

/** PRA: Show Gaps — focuses the Gaps view on the active plan. */
export function showGaps(view: GapsView): Promise<void> {
    return view.focus();
}
