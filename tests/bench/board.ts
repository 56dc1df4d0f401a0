import { existsSync, writeFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import type { RequestView } from '../../src/lib/api/types';
import { FIRST_SERVICES } from '../../src/lib/dispatch/vocabulary';
import { nowMs, sleep } from './clock';
import { expectStatus } from './http-timing';
import { summarizeMainThread, type MainThreadSummary } from './chromium-trace';
import type { BenchUser, BuildingPoint } from './bench-fixtures';

export interface BoardResult {
	activeRequests: number;
	burst: number;
	/** From the burst's first HTTP call to every new request having its queue row and map marker. */
	allVisibleMs: number;
	/** The longest main-thread task the page reported (PerformanceObserver 'longtask', ≥ 50 ms); 0 when none. */
	longestTaskMs: number;
	longTasks: number;
	/** The longest gap between animation frames in the same window: blocking below the 50 ms threshold too. */
	longestFrameMs: number;
	/** From a timeline trace of the same window: task times in CPU time, which a busy machine does not inflate. */
	mainThread: MainThreadSummary;
	/** From the first HTTP call leaving to the last one returning: the server's share. */
	serverMs: number;
	/** Loading /dispatch with that many requests, until every row is there (not a target; for scale). */
	loadMs: number;
}

const ROWS = '[data-testid="queue"] [data-request-id]';
const MARKERS = '[data-testid="map"] [data-request-id]';

// Installed before any page script: collects long tasks, and records frame times on demand.
// A string, not a function: the bench runs under tsx, whose helpers a serialized function
// would reference but the page does not have.
const INSTRUMENT = `
window.__bench = { longtasks: [], frames: [], recording: false };
new PerformanceObserver((list) => {
	for (const entry of list.getEntries()) window.__bench.longtasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: 'longtask', buffered: true });
window.__bench.startFrames = () => {
	window.__bench.recording = true;
	const frame = (t) => {
		window.__bench.frames.push(t);
		if (window.__bench.recording) requestAnimationFrame(frame);
	};
	requestAnimationFrame(frame);
	return performance.now();
};
`;

type BenchWindow = Window & {
	__bench: { longtasks: { start: number; duration: number }[]; frames: number[]; recording: boolean; startFrames(): number };
};

function count(page: Page, selector: string): Promise<number> {
	return page.evaluate((s) => document.querySelectorAll(s).length, selector);
}

/**
 * A dispatcher's board in real Chromium, holding `activeRequests` requests, while other
 * dispatchers create `burst` requests at once through the API.
 */
export async function measureBoard(
	url: string,
	viewer: BenchUser,
	creator: BenchUser,
	buildings: BuildingPoint[],
	activeRequests: number,
	burst: number
): Promise<BoardResult> {
	const browser = await chromium.launch({
		executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			'--disable-quic'
		]
	});
	try {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
		const [name, value] = viewer.cookie.split('=');
		if (!name || value === undefined) throw new Error(`the viewer's cookie is not name=value: ${viewer.cookie}`);
		await context.addCookies([{ name, value, url }]);
		await context.addInitScript({ content: INSTRUMENT });
		const page = await context.newPage();

		const loadStarted = nowMs();
		await page.goto(`${url}/dispatch`);
		await page.locator('[data-testid="connection"][data-state="connected"]').waitFor({ timeout: 60_000 });
		await page.waitForFunction(
			({ rows, n }) => document.querySelectorAll(rows).length >= n,
			{ rows: ROWS, n: activeRequests },
			{ timeout: 60_000 }
		);
		const loadMs = nowMs() - loadStarted;
		await sleep(2000); // let the first render's work finish before the burst
		// BENCH_CSS='…' hides or restyles part of the page, to see what that part costs in the burst.
		if (process.env.BENCH_CSS) await page.addStyleTag({ content: process.env.BENCH_CSS });
		const before = { rows: await count(page, ROWS), markers: await count(page, MARKERS) };

		// BENCH_TRACE_JS=1 adds the JS sampler to that trace (it costs a little, so not in a measured run).
		const sampler = process.env.BENCH_TRACE_JS ? ['disabled-by-default-v8.cpu_profiler'] : [];
		await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', ...sampler] });
		const pageStart = await page.evaluate(() => (window as unknown as BenchWindow).__bench.startFrames());
		const sendStarted = nowMs();
		const created = await Promise.all(
			Array.from({ length: burst }, (_, i) =>
				expectStatus<RequestView>(201, 'POST', `${url}/api/requests`, {
					cookie: creator.cookie,
					body: {
						type: FIRST_SERVICES[i % 3],
						buildingId: buildings[(i * 13) % buildings.length]!.id,
						description: `基准测试：连发 ${i + 1}`,
						unit: `${i}`
					}
				})
			)
		);
		const serverMs = Math.max(...created.map((c) => c.returnedAt)) - sendStarted;
		const doneAt = (await (
			await page.waitForFunction(
				({ rows, markers, wantRows, wantMarkers }) =>
					document.querySelectorAll(rows).length >= wantRows &&
					document.querySelectorAll(markers).length >= wantMarkers &&
					performance.now(),
				{ rows: ROWS, markers: MARKERS, wantRows: before.rows + burst, wantMarkers: before.markers + burst },
				{ polling: 'raf', timeout: 60_000 }
			)
		).jsonValue()) as number;
		await sleep(1000); // trailing work after the last row still counts
		const trace = await page.evaluate(() => {
			const bench = (window as unknown as BenchWindow).__bench;
			bench.recording = false;
			return { longtasks: bench.longtasks, frames: bench.frames };
		});
		const traceJson = await browser.stopTracing();
		// BENCH_TRACE=path keeps the timeline for Chromium's performance panel (chrome://tracing or DevTools).
		if (process.env.BENCH_TRACE) writeFileSync(process.env.BENCH_TRACE, traceJson);
		const mainThread = summarizeMainThread(traceJson);

		const missing = await page.evaluate(
			({ ids, rows }) => ids.filter((id) => !document.querySelector(`${rows.split(' ')[0]} [data-request-id="${id}"]`)),
			{ ids: created.map((c) => c.body.id), rows: ROWS }
		);
		if (missing.length) throw new Error(`${missing.length} burst requests never appeared in the queue`);

		const during = trace.longtasks.filter((t) => t.start + t.duration >= pageStart);
		const gaps = trace.frames.slice(1).map((t, i) => t - trace.frames[i]!);
		return {
			activeRequests: before.rows,
			burst,
			allVisibleMs: doneAt - pageStart,
			longestTaskMs: Math.max(0, ...during.map((t) => t.duration)),
			longTasks: during.length,
			longestFrameMs: Math.max(0, ...gaps),
			mainThread,
			serverMs,
			loadMs
		};
	} finally {
		await browser.close();
	}
}
