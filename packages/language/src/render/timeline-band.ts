/**
 * Where the short labels of one row of the timeline go without overlapping: each label is tried
 * after its point, then before it; one that fits nowhere is left out (its mark keeps its tooltip).
 * Widths are estimated from the number of characters, as the drawing is made without a browser.
 */
export class LabelBand {
    private readonly taken: Array<[number, number]> = [];

    constructor(private readonly left: number, private readonly right: number, private readonly fontSize: number) { }

    /** The estimated width of `text` at this band's font size (a proportional font averages about 0.5 to 0.6 em: the wider taken). */
    width(text: string): number {
        return Math.ceil(text.length * this.fontSize * 0.6);
    }

    /** Reserves [from, to] whatever it overlaps (a label that must be drawn, e.g. the arrow at the edge). */
    reserve(from: number, to: number): void {
        this.taken.push([from, to]);
    }

    /** Whether [from, to] is inside the band and free. */
    fits(from: number, to: number): boolean {
        return from >= this.left && to <= this.right && this.taken.every(([a, b]) => to <= a || from >= b);
    }

    /** Where to draw `text` beside the point `at` (`gap` away): after it if it fits, else before it; undefined when neither fits. */
    place(text: string, at: number, gap = 3): { x: number; anchor: 'start' | 'end' } | undefined {
        const width = this.width(text);
        for (const [from, x, anchor] of [[at + gap, at + gap, 'start'], [at - gap - width, at - gap, 'end']] as const) {
            if (this.fits(from, from + width)) {
                this.reserve(from, from + width);
                return { x, anchor };
            }
        }
        return undefined;
    }
}
