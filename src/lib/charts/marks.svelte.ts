/**
 * Keyboard and pointer access to the marks of a chart (bars, points, cells): the chart is one tab
 * stop; arrow keys move between marks, Enter or Space selects (filters by) the active one, Escape
 * leaves. The active mark's description is shown as a tooltip and announced through a live region.
 * The same state serves the pointer: hovering a mark makes it active, clicking selects it.
 */
export class MarkNav<M> {
	active = $state(-1);
	/** True when the active mark came from the keyboard (the tooltip then follows the focus). */
	fromKeyboard = $state(false);

	constructor(
		private marks: () => M[],
		private select: ((m: M) => void) | undefined,
		/** Columns of a grid (for up/down moves); 0 = a single sequence. */
		private columns: () => number = () => 0
	) {}

	get current(): M | null {
		const list = this.marks();
		return this.active >= 0 && this.active < list.length ? list[this.active] : null;
	}

	hover(i: number) {
		this.active = i;
		this.fromKeyboard = false;
	}
	leave() {
		if (!this.fromKeyboard) this.active = -1;
	}
	choose(i: number) {
		const m = this.marks()[i];
		if (m !== undefined) this.select?.(m);
	}

	onkeydown = (e: KeyboardEvent) => {
		const n = this.marks().length;
		if (!n) return;
		const cols = this.columns();
		const step: Record<string, number> = {
			ArrowRight: 1,
			ArrowLeft: -1,
			ArrowDown: cols || 1,
			ArrowUp: -(cols || 1)
		};
		if (e.key in step) {
			e.preventDefault();
			this.fromKeyboard = true;
			const from = this.active < 0 ? (step[e.key] > 0 ? -1 : n) : this.active;
			this.active = Math.max(0, Math.min(n - 1, from + step[e.key]));
		} else if (e.key === 'Home' || e.key === 'End') {
			e.preventDefault();
			this.fromKeyboard = true;
			this.active = e.key === 'Home' ? 0 : n - 1;
		} else if ((e.key === 'Enter' || e.key === ' ') && this.active >= 0) {
			e.preventDefault();
			this.choose(this.active);
		} else if (e.key === 'Escape') {
			this.active = -1;
		}
	};
	onblur = () => {
		this.active = -1;
		this.fromKeyboard = false;
	};
}
