import { Agent, request } from 'node:http';
import { nowMs } from './clock';

export interface TimedResponse<T> {
	status: number;
	body: T;
	/** When the request was handed to the socket, and when its answer had fully arrived. */
	sentAt: number;
	returnedAt: number;
}

// Kept-alive connections, as a browser or an intake system would hold them. A timeout must be
// set for the agent to honour the server's `Keep-Alive: timeout=5` hint and retire an idle
// connection before the server closes it under a new request (ECONNRESET).
const agent = new Agent({ keepAlive: true, maxSockets: 64, timeout: 60_000 });

/**
 * One HTTP call on node:http rather than fetch: less machinery between the answer's last
 * byte and `returnedAt`, which is where the latency figures start.
 */
export function timedRequest<T = unknown>(
	method: string,
	url: string,
	options: { cookie?: string; body?: unknown } = {}
): Promise<TimedResponse<T>> {
	const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
	const headers: Record<string, string> = {};
	if (options.cookie) headers.cookie = options.cookie;
	if (payload !== undefined) {
		headers['content-type'] = 'application/json';
		headers['content-length'] = String(Buffer.byteLength(payload));
	}
	return new Promise((resolve, reject) => {
		const sentAt = nowMs();
		const req = request(url, { method, headers, agent }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => {
				const returnedAt = nowMs();
				const text = Buffer.concat(chunks).toString('utf8');
				let body: unknown = text;
				if (text && res.headers['content-type']?.includes('json')) body = JSON.parse(text);
				resolve({ status: res.statusCode ?? 0, body: body as T, sentAt, returnedAt });
			});
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end(payload);
	});
}

/** The same, failing unless the status is the expected one. */
export async function expectStatus<T>(
	expected: number,
	method: string,
	url: string,
	options: { cookie?: string; body?: unknown } = {}
): Promise<TimedResponse<T>> {
	const response = await timedRequest<T>(method, url, options);
	if (response.status !== expected) {
		throw new Error(`${method} ${url} answered ${response.status}, expected ${expected}: ${JSON.stringify(response.body).slice(0, 300)}`);
	}
	return response;
}

export function closeAgent(): void {
	agent.destroy();
}
