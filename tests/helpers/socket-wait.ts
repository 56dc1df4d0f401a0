import type { ServerToClientEvents } from '../../src/lib/realtime/events';
import type { TestSocket } from './clients';

type Payload<K extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[K]>[0];

/** Resolves with the first `event` whose payload matches, ignoring others; rejects after `timeoutMs`. */
export function waitForEvent<K extends keyof ServerToClientEvents>(
	socket: TestSocket,
	event: K,
	matches: (payload: Payload<K>) => boolean,
	timeoutMs = 10_000
): Promise<Payload<K>> {
	return new Promise((resolve, reject) => {
		const on = socket.on as unknown as (e: string, l: (p: Payload<K>) => void) => void;
		const off = socket.off as unknown as (e: string, l: (p: Payload<K>) => void) => void;
		const listener = (payload: Payload<K>) => {
			if (!matches(payload)) return;
			clearTimeout(timer);
			off.call(socket, event as string, listener);
			resolve(payload);
		};
		const timer = setTimeout(() => {
			off.call(socket, event as string, listener);
			reject(new Error(`no matching ${String(event)} within ${timeoutMs} ms`));
		}, timeoutMs);
		on.call(socket, event as string, listener);
	});
}
