/** What a Chromium timeline trace says about the page's main thread. */
export interface MainThreadSummary {
	/** The longest task, in thread CPU time: what the page itself spent, whatever the machine's load. */
	longestTaskCpuMs: number;
	/** Its wall-clock duration, which includes waiting for a CPU on a busy machine. */
	longestTaskWallMs: number;
	/** All main-thread CPU time spent in tasks while tracing. */
	totalCpuMs: number;
	tasks: number;
}

interface TraceEvent {
	name: string;
	ph: string;
	pid: number;
	tid: number;
	dur?: number;
	tdur?: number;
	args?: { name?: string };
}

/**
 * Reads the renderer main thread's tasks (`RunTask`, the unit PerformanceObserver's
 * 'longtask' reports on) out of a trace recorded with the timeline categories (RunTask is in 'disabled-by-default-devtools.timeline').
 */
export function summarizeMainThread(traceJson: Buffer | string): MainThreadSummary {
	const parsed = JSON.parse(traceJson.toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
	const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
	const mainThreads = new Set(
		events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`)
	);
	// One page, but Chromium may keep spare renderers: take the busiest main thread.
	const byThread = new Map<string, TraceEvent[]>();
	for (const e of events) {
		if (e.ph !== 'X' || e.name !== 'RunTask' || !mainThreads.has(`${e.pid}:${e.tid}`)) continue;
		const key = `${e.pid}:${e.tid}`;
		const list = byThread.get(key);
		if (list) list.push(e);
		else byThread.set(key, [e]);
	}
	const cpu = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
	const tasks = [...byThread.values()].sort((a, b) => b.reduce((s, e) => s + cpu(e), 0) - a.reduce((s, e) => s + cpu(e), 0))[0] ?? [];
	return {
		longestTaskCpuMs: Math.max(0, ...tasks.map(cpu)),
		longestTaskWallMs: Math.max(0, ...tasks.map((e) => (e.dur ?? 0) / 1000)),
		totalCpuMs: tasks.reduce((sum, e) => sum + cpu(e), 0),
		tasks: tasks.length
	};
}
