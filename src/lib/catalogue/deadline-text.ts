/** The unit words, in the reader's language (components/history/duration-units.ts gives them). */
interface Units {
	min: string;
	h: string;
	d: string;
}

/** A deadline in minutes as a person says it, exact and without zeros: "90" is "1 h 30 min", "4320" is "3 d". */
export function deadlineText(minutes: number, units: Units): string {
	if (!Number.isInteger(minutes) || minutes < 1) return '–';
	const parts: [number, string][] = [
		[Math.floor(minutes / 1440), units.d],
		[Math.floor((minutes % 1440) / 60), units.h],
		[minutes % 60, units.min]
	];
	return parts
		.filter(([n]) => n > 0)
		.map(([n, unit]) => `${n} ${unit}`)
		.join(' ');
}
