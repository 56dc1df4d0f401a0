// The volunteer page's calls, answering with the value or the contract's error, never throwing.
import type { ApiErrorBody, RequestView, VolunteerView } from './types';
import type { AssigneeAction } from '../dispatch/lifecycle';

export type ApiOutcome<T> = { ok: true; value: T } | { ok: false; status: number; code: string; message: string };

async function call<T>(method: string, path: string, body?: unknown): Promise<ApiOutcome<T>> {
	let response: Response;
	try {
		response = await fetch(path, {
			method,
			headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
	} catch {
		return { ok: false, status: 0, code: 'network', message: 'network' };
	}
	const parsed = await response.json().catch(() => null);
	if (response.ok) return { ok: true, value: parsed as T };
	const error = (parsed as ApiErrorBody | null)?.error;
	return { ok: false, status: response.status, code: error?.code ?? 'unknown', message: error?.message ?? response.statusText };
}

export const actOnMyTask = (id: string, action: AssigneeAction, note: string | null) =>
	call<RequestView>('POST', `/api/requests/${encodeURIComponent(id)}/${action}`, { note });

export const fetchMyTasks = () => call<RequestView[]>('GET', '/api/me/tasks');

export const putAvailability = (body: { available: boolean; lat?: number; lng?: number }) =>
	call<VolunteerView>('PUT', '/api/me/availability', body);
