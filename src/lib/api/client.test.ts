import { afterEach, describe, expect, it, vi } from 'vitest';
import { callApi as browserCallApi, createApiClient, signInAgainHref, UNAVAILABLE_EVENT, type PageEffects } from './client';

const json = (status: number, body: unknown) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const answering = (response: Response) => vi.fn<typeof fetch>(async () => response);

function fakePage(here: { pathname: string; search: string } | null = { pathname: '/volunteer', search: '?task=r1' }) {
	const page = { here: () => here, navigate: vi.fn<PageEffects['navigate']>(), announceUnavailable: vi.fn() };
	return { page, callApi: createApiClient(page) };
}

describe('callApi', () => {
	it('answers 200 with the parsed JSON and sends a body as JSON', async () => {
		const { callApi } = fakePage();
		const server = answering(json(200, { id: 'r1' }));
		expect(await callApi('POST', '/api/requests/r1/accept', { body: { note: null }, fetch: server })).toEqual({
			ok: true,
			status: 200,
			data: { id: 'r1' }
		});
		const [path, init] = server.mock.calls[0]!;
		expect(path).toBe('/api/requests/r1/accept');
		expect(init).toMatchObject({ method: 'POST', body: '{"note":null}', headers: { 'content-type': 'application/json' } });
	});

	it('answers 201 with the created record', async () => {
		const { callApi } = fakePage();
		expect(await callApi('POST', '/api/requests', { body: {}, fetch: answering(json(201, { id: 'new' })) })).toEqual({
			ok: true,
			status: 201,
			data: { id: 'new' }
		});
	});

	it('answers 204 as ok with no data, without reading a body', async () => {
		const { callApi } = fakePage();
		expect(await callApi('PUT', '/api/me/password', { body: {}, fetch: answering(new Response(null, { status: 204 })) })).toEqual({
			ok: true,
			status: 204,
			data: undefined
		});
	});

	it('keeps a 400’s code, message and per-field issues', async () => {
		const { callApi, page } = fakePage();
		const issues = [{ path: 'description', message: 'Required' }];
		const result = await callApi('POST', '/api/requests', {
			body: {},
			fetch: answering(json(400, { error: { code: 'invalid_input', message: 'Invalid input.', issues } }))
		});
		expect(result).toEqual({ ok: false, status: 400, code: 'invalid_input', message: 'Invalid input.', issues });
		expect(page.navigate).not.toHaveBeenCalled();
		expect(page.announceUnavailable).not.toHaveBeenCalled();
	});

	it('sends the reader to sign in again on a 401, back to this path and query', async () => {
		const { callApi, page } = fakePage({ pathname: '/history', search: '?tab=stats&from=2026-11-01' });
		const result = await callApi('GET', '/api/history/stats', {
			fetch: answering(json(401, { error: { code: 'unauthenticated', message: 'Please sign in first.' } }))
		});
		expect(result).toMatchObject({ ok: false, status: 401, code: 'unauthenticated' });
		expect(page.navigate).toHaveBeenCalledExactlyOnceWith(
			`/login?next=${encodeURIComponent('/history?tab=stats&from=2026-11-01')}&ended=1`
		);
	});

	it('leaves a 401 to a caller that expects one', async () => {
		const { callApi, page } = fakePage();
		const result = await callApi('DELETE', '/api/session', {
			expects401: true,
			fetch: answering(json(401, { error: { code: 'unauthenticated', message: 'Please sign in first.' } }))
		});
		expect(result).toMatchObject({ ok: false, status: 401, code: 'unauthenticated' });
		expect(page.navigate).not.toHaveBeenCalled();
	});

	it('announces a 503 so the banner shows, and still answers the caller', async () => {
		const { callApi, page } = fakePage();
		const result = await callApi('GET', '/api/me/tasks', {
			fetch: answering(json(503, { error: { code: 'unavailable', message: 'The database is unavailable.' } }))
		});
		expect(result).toMatchObject({ ok: false, status: 503, code: 'unavailable' });
		expect(page.announceUnavailable).toHaveBeenCalledOnce();
	});

	it('answers a lost network as status 0, code network', async () => {
		const { callApi, page } = fakePage();
		const offline = vi.fn<typeof fetch>(async () => Promise.reject(new TypeError('Failed to fetch')));
		expect(await callApi('GET', '/api/me/tasks', { fetch: offline })).toEqual({
			ok: false,
			status: 0,
			code: 'network',
			message: '',
			issues: []
		});
		expect(page.navigate).not.toHaveBeenCalled();
	});

	it('judges an error without the contract’s body by its status', async () => {
		const { callApi } = fakePage();
		const proxyPage = new Response('<html>Bad Gateway</html>', {
			status: 502,
			statusText: 'Bad Gateway',
			headers: { 'content-type': 'text/html' }
		});
		expect(await callApi('GET', '/api/volunteers', { fetch: answering(proxyPage) })).toEqual({
			ok: false,
			status: 502,
			code: 'unknown',
			message: 'Bad Gateway',
			issues: []
		});
	});
});

describe('the page effects in the browser', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('fires UNAVAILABLE_EVENT on window for a 503', async () => {
		const window = Object.assign(new EventTarget(), { location: { pathname: '/dispatch', search: '', href: '/dispatch' } });
		vi.stubGlobal('window', window);
		const heard = vi.fn();
		window.addEventListener(UNAVAILABLE_EVENT, heard);
		await browserCallApi('GET', '/api/volunteers', { fetch: answering(json(503, { error: { code: 'unavailable', message: 'Away.' } })) });
		expect(heard).toHaveBeenCalledOnce();
	});

	it('goes to sign in by setting the location on a 401', async () => {
		const window = Object.assign(new EventTarget(), { location: { pathname: '/dispatch', search: '', href: '/dispatch' } });
		vi.stubGlobal('window', window);
		await browserCallApi('GET', '/api/volunteers', {
			fetch: answering(json(401, { error: { code: 'unauthenticated', message: 'Sign in.' } }))
		});
		expect(window.location.href).toBe('/login?next=%2Fdispatch&ended=1');
	});
});

describe('signInAgainHref', () => {
	const here = { pathname: '/dispatch', search: '' };

	it('is only for a 401', () => {
		expect(signInAgainHref({ method: 'GET', path: '/api/volunteers', status: 403 }, here)).toBeNull();
		expect(signInAgainHref({ method: 'GET', path: '/api/volunteers', status: 401 }, here)).toBe('/login?next=%2Fdispatch&ended=1');
	});

	it('takes the sign-in call’s 401 as wrong credentials, not an ended session', () => {
		expect(signInAgainHref({ method: 'POST', path: '/api/session', status: 401 }, here)).toBeNull();
	});

	it('needs a signed-in page to come back to', () => {
		expect(signInAgainHref({ method: 'GET', path: '/api/history', status: 401 }, null)).toBeNull();
		expect(
			signInAgainHref({ method: 'GET', path: '/api/session', status: 401 }, { pathname: '/login', search: '?next=%2Fdispatch' })
		).toBeNull();
	});
});
