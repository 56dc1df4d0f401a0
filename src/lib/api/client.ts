import type { ApiErrorBody } from './types';

export interface ApiIssue {
	path: string;
	message: string;
}

/**
 * Why a call failed. `status` is 0 and `code` is 'network' when no answer came; `message` is the
 * server's English (detail for a tooltip at most, the code chooses the sentence); `issues` names
 * the fields the server refused.
 */
export interface ApiFailure {
	ok: false;
	status: number;
	code: string;
	message: string;
	issues: ApiIssue[];
}

/** Every browser call's answer: the data (undefined for a 204), or why not. Never thrown. */
export type ApiResult<T> = { ok: true; status: number; data: T } | ApiFailure;

export interface CallOptions {
	/** Sent as JSON. */
	body?: unknown;
	/** Kit's fetch inside a `load`, which runs on the server too; the page's own fetch otherwise. */
	fetch?: typeof fetch;
	/** This caller takes a 401 as its answer (signing out, say), not as a session that ended. */
	expects401?: boolean;
}

/** What an answer may do beyond its caller, to the page itself; tests pass fakes. */
export interface PageEffects {
	/** The page's path and query, or null where there is no page (a `load` on the server). */
	here(): { pathname: string; search: string } | null;
	navigate(href: string): void;
	announceUnavailable(): void;
}

/** Fired on window whenever the server answers 503, so the layout can say so. */
export const UNAVAILABLE_EVENT = 'api:unavailable';

/**
 * Where a 401 sends the reader: to sign in again, then back here (the login page says why
 * with `ended=1`). Null when the 401 is an answer, not an ended session: wrong credentials on
 * the sign-in call, a caller that expects one, or no signed-in page to come back to.
 */
export function signInAgainHref(
	call: { method: string; path: string; status: number; expects401?: boolean },
	here: { pathname: string; search: string } | null
): string | null {
	if (call.status !== 401 || call.expects401 || !here || here.pathname === '/login') return null;
	if (call.method === 'POST' && call.path.split('?')[0] === '/api/session') return null;
	return `/login?next=${encodeURIComponent(here.pathname + here.search)}&ended=1`;
}

async function failureOf(response: Response): Promise<ApiFailure> {
	const error = ((await response.json().catch(() => null)) as ApiErrorBody | null)?.error;
	return {
		ok: false,
		status: response.status,
		// An answer without the contract's body (a proxy's page, say): problemKey judges it by its status.
		code: error?.code ?? 'unknown',
		message: error?.message ?? (response.statusText || `HTTP ${response.status}`),
		issues: error?.issues ?? []
	};
}

/** The one way the browser calls our API; 401, 503 and a lost network are decided here, once. */
export function createApiClient(page: PageEffects) {
	return async function callApi<T>(method: string, path: string, options: CallOptions = {}): Promise<ApiResult<T>> {
		const { body, expects401 } = options;
		let response: Response;
		try {
			response = await (options.fetch ?? fetch)(path, {
				method,
				headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body)
			});
		} catch {
			return { ok: false, status: 0, code: 'network', message: '', issues: [] };
		}
		// The layout's banner listens for this, whichever call noticed first.
		if (response.status === 503) page.announceUnavailable();
		const signIn = signInAgainHref({ method, path, status: response.status, expects401 }, page.here());
		if (signIn) page.navigate(signIn);
		if (response.status === 204) return { ok: true, status: 204, data: undefined as T };
		if (!response.ok) return failureOf(response);
		return { ok: true, status: response.status, data: (await response.json().catch(() => null)) as T };
	};
}

const browserPage: PageEffects = {
	here: () => (typeof window === 'undefined' ? null : window.location),
	navigate: (href) => void (window.location.href = href),
	announceUnavailable: () => void (typeof window !== 'undefined' && window.dispatchEvent(new Event(UNAVAILABLE_EVENT)))
};

export const callApi = createApiClient(browserPage);
