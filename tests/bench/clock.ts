/**
 * One clock for every process in a run: CLOCK_MONOTONIC, which `process.hrtime` reads and
 * which the kernel shares across processes. A time taken in the driver and a time taken in a
 * load-client process can therefore be subtracted directly. Milliseconds, sub-ms precision.
 */
export function nowMs(): number {
	return Number(process.hrtime.bigint()) / 1e6;
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

export function sleepUntil(atMs: number): Promise<void> {
	return sleep(atMs - nowMs());
}
