import type { ApiErrorBody } from './types';

export type ApiResult<T> =
	| { ok: true; status: number; data: T }
	| { ok: false; status: number; message: string; code: string; issues: { path: string; message: string }[] };

/** Fired on window whenever the server answers 503, so the layout can say so. */
export const UNAVAILABLE_EVENT = 'api:unavailable';

/**
 * The browser's one way to call our API. Failures come back as values with the server's
 * plain message, so every caller can show it; a lost network says so too.
 */
export async function callApi<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
	let response: Response;
	try {
		response = await fetch(path, {
			method,
			headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
	} catch {
		return { ok: false, status: 0, code: 'network', message: 'network', issues: [] };
	}
	// The layout's banner listens for this, whichever call noticed first.
	if (response.status === 503 && typeof window !== 'undefined') window.dispatchEvent(new Event(UNAVAILABLE_EVENT));
	if (response.status === 204) return { ok: true, status: 204, data: undefined as T };
	const parsed = (await response.json().catch(() => null)) as T | ApiErrorBody | null;
	if (response.ok) return { ok: true, status: response.status, data: parsed as T };
	const error = (parsed as ApiErrorBody | null)?.error;
	return {
		ok: false,
		status: response.status,
		code: error?.code ?? 'unknown',
		message: error?.message ?? `HTTP ${response.status}`,
		issues: error?.issues ?? []
	};
}
