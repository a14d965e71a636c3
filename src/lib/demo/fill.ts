/** Fills {placeholders} in a phrase; a missing value is a bug in the wording, so it throws. */
export function fill(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (_, key: string) => {
		const v = values[key];
		if (v === undefined) throw new Error(`No value for {${key}} in "${template}"`);
		return String(v);
	});
}

export function capitalise(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}
