import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/lib/realtime/events';

export const DEMO_PASSWORD = 'demo1234';

/** Signs in over HTTP and returns the session cookie, as any non-browser client would. */
export async function signIn(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<string> {
	const response = await fetch(`${baseUrl}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password })
	});
	if (response.status !== 200) throw new Error(`sign-in as ${username} failed: ${response.status} ${await response.text()}`);
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('session='));
	if (!cookie) throw new Error('no session cookie was set');
	return cookie.split(';')[0]!;
}

/** A small JSON client carrying one user's cookie. */
export function apiClient(baseUrl: string, cookie: string | null) {
	return async function call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
		const response = await fetch(`${baseUrl}${path}`, {
			method,
			headers: { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
		});
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = text ? JSON.parse(text) : null;
		} catch {
			/* not JSON: keep the text */
		}
		return { status: response.status, body: parsed as T };
	};
}

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io client over a real websocket, carrying a session cookie. */
export function connectSocket(baseUrl: string, cookie: string | null, options: { reconnection?: boolean } = {}): TestSocket {
	return io(baseUrl, {
		path: '/socket.io',
		transports: ['websocket'],
		extraHeaders: cookie ? { cookie } : {},
		reconnection: options.reconnection ?? false,
		forceNew: true
	});
}

export function waitForConnect(socket: TestSocket): Promise<void> {
	return new Promise((resolve, reject) => {
		if (socket.connected) return resolve();
		socket.once('connect', () => resolve());
		socket.once('connect_error', (error) => reject(error));
	});
}

export function nextEvent<K extends keyof ServerToClientEvents>(
	socket: TestSocket,
	event: K,
	timeoutMs = 5000
): Promise<Parameters<ServerToClientEvents[K]>[0]> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no ${String(event)} within ${timeoutMs} ms`)), timeoutMs);
		(socket.once as (e: string, l: (p: unknown) => void) => void)(event as string, (payload) => {
			clearTimeout(timer);
			resolve(payload as Parameters<ServerToClientEvents[K]>[0]);
		});
	});
}
