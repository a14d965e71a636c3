/**
 * What a chart frame's downloads need from the app: the source line, the output view's mark,
 * drawing in the output view, and a download's file name. The root layout gives it to every
 * ChartFrame below it (a typed context), so the charts read no global state and a test or another
 * layout can give its own.
 */
import { createContext } from 'svelte';

export interface ChartOutput {
	/** The downloads' source line by default: the open dataset, its source and the as-at date. */
	readonly source: string;
	/** The output view in words, beside the download buttons and after the source line. */
	readonly mark: string;
	/** Run `copy` with the page drawn in the output view (captions and figures as they are published). */
	asOutput<T>(copy: () => T | Promise<T>): Promise<T>;
	/** The file name of a download made in the output view. */
	fileName(name: string): string;
}

/** `chartOutput()` in a ChartFrame (throws when no layout above it set one); `setChartOutput(o)` in a layout. */
export const [chartOutput, setChartOutput] = createContext<ChartOutput>();
