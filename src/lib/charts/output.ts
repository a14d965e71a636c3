/**
 * What a chart frame's downloads need from the app: the open dataset and the as-at date (for the
 * source line), the output view's mark, drawing in the output view, and a download's file name. The root layout gives it to every
 * ChartFrame below it (a typed context), so the charts read no global state and a test or another
 * layout can give its own.
 */
import { createContext } from 'svelte';

export interface ChartOutput {
	/** The open dataset (its name and source), or null: the source line names it. */
	readonly meta: { name: string; source: string; fictional?: boolean } | null;
	/** The as-at date (YYYY-MM-DD) the figures are worked out at. */
	readonly asAt: string;
	/** The output view in words, beside the download buttons and after the source line. */
	readonly mark: string;
	/** Run `copy` with the page drawn in the output view (captions and figures as they are published). */
	asOutput<T>(copy: () => T | Promise<T>): Promise<T>;
	/** The file name of a download made in the output view. */
	fileName(name: string): string;
}

/** `chartOutput()` in a ChartFrame (throws when no layout above it set one); `setChartOutput(o)` in a layout. */
export const [chartOutput, setChartOutput] = createContext<ChartOutput>();
