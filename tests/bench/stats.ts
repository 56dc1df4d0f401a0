export interface Summary {
	count: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
}

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted: Float64Array, p: number): number {
	if (sorted.length === 0) return Number.NaN;
	const rank = Math.ceil((p / 100) * sorted.length) - 1;
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

export function summarize(values: ArrayLike<number>): Summary {
	const sorted = Float64Array.from(values).sort();
	return {
		count: sorted.length,
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		p99: percentile(sorted, 99),
		max: sorted.at(-1) ?? Number.NaN
	};
}

export function median(values: number[]): number {
	return summarize(values).p50;
}

/** app / baseline, or NaN when the baseline is not a positive number. */
export function ratio(app: number, baseline: number): number {
	return baseline > 0 ? app / baseline : Number.NaN;
}

/** The same, percentile by percentile. */
export function percentileRatios(app: Summary, baseline: Summary): Record<'p50' | 'p95' | 'p99', number> {
	return { p50: ratio(app.p50, baseline.p50), p95: ratio(app.p95, baseline.p95), p99: ratio(app.p99, baseline.p99) };
}
