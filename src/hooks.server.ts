import { isHttpError, isRedirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { randomUUID } from 'node:crypto';
import { createApp, type App } from '$lib/server/app';
import { readConfig } from '$lib/server/config';
import { offered, publishApp } from '$lib/server/handoff.js';
import { resolveSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { errorResponse } from '$lib/server/http/respond';
import { ApiError, isDatabaseUnavailable } from '$lib/server/http/api-error';
import { pickLocale, LOCALE_COOKIE } from '$lib/i18n/locales';
import { guardPage } from '$lib/server/http/guards';
import { actorFor } from '$lib/dispatch/permissions';
import { SECURITY_HEADERS } from '$lib/server/http/security-headers.js';

/** The one running app of this server, started by `init` before the first request. */
let app: App;

export const init: ServerInit = async () => {
	const starting = createApp(readConfig(), offered());
	publishApp(starting);
	app = await starting;
};

/** What every request needs of the app reaches it on `locals`, never through a global. */
const provideApp: Handle = async ({ event, resolve }) => {
	event.locals.app = app;
	return resolve(event);
};

const DATABASE_UNAVAILABLE = 'The database cannot be reached right now. Please try again shortly.';
const REQUEST_ID = /^[\w.:-]{1,64}$/;

const identify: Handle = async ({ event, resolve }) => {
	// A caller's own id is kept for tracing across services, if it looks like an id.
	const given = event.request.headers.get('x-request-id');
	event.locals.requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
	event.locals.locale = pickLocale(event.cookies.get(LOCALE_COOKIE), event.request.headers.get('accept-language'));
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
	response.headers.set('x-request-id', event.locals.requestId);
	return response;
};

/**
 * One log line per request: method, route id (never the raw path or query, which may carry
 * personal data), status, duration and request id. No headers, cookies or bodies.
 */
const logRequests: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	let status = 500;
	try {
		const response = await resolve(event);
		status = response.status;
		return response;
	} catch (thrown) {
		if (isRedirect(thrown) || isHttpError(thrown)) status = thrown.status;
		throw thrown;
	} finally {
		const probe = event.url.pathname === '/healthz' || event.url.pathname === '/readyz';
		app.log[probe ? 'debug' : 'info'](
			{
				requestId: event.locals.requestId,
				method: event.request.method,
				route: event.route.id,
				status,
				ms: Math.round(performance.now() - started),
				userId: event.locals.user?.id
			},
			'request'
		);
	}
};

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** What a page on another site can send without a CORS preflight (a form, or fetch's "simple" types). */
const CROSS_SITE_SENDABLE = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\b/i;

/**
 * The contract's rule: a state change that carries a session cookie must come from our own
 * origin, or name no origin at all (non-browser clients). A form-like body from another origin
 * is refused even without a cookie, so no other site can sign someone in (login CSRF). This
 * replaces Kit's own check (off in svelte.config.js), which answers in plain text, not in the
 * contract's JSON.
 */
const checkOrigin: Handle = async ({ event, resolve }) => {
	const origin = event.request.headers.get('origin');
	if (origin !== null && origin !== event.url.origin && STATE_CHANGING.has(event.request.method)) {
		const formLike = CROSS_SITE_SENDABLE.test(event.request.headers.get('content-type') ?? '');
		if (formLike || event.cookies.get(SESSION_COOKIE)) {
			return errorResponse(new ApiError('forbidden', 'Cross-origin requests are not allowed.'));
		}
	}
	return resolve(event);
};

const authenticate: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.actor = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		try {
			const user = await resolveSession(app.db, token, app.config.sessionTtlMs, new Date());
			if (user) {
				event.locals.user = user;
				event.locals.actor = actorFor(user, await app.areas.treeKnowing(user.scope.id));
			}
		} catch (failure) {
			if (!isDatabaseUnavailable(failure)) throw failure;
			if (event.url.pathname.startsWith('/api/')) {
				return errorResponse(new ApiError('unavailable', DATABASE_UNAVAILABLE));
			}
			// Pages answer 503 from their layout's load, so the error page (which retries by
			// itself) renders inside the app; nobody is sent to the login page for it.
			event.locals.databaseDown = true;
		}
	}
	return resolve(event);
};

/**
 * Pages check the role here, on the route Kit matched; API endpoints check it themselves and
 * answer in JSON. While the database is down the layout answers 503 instead.
 */
const guardPages: Handle = async ({ event, resolve }) => {
	if (!event.locals.databaseDown) guardPage(event);
	return resolve(event);
};

/**
 * Kit answers a method an endpoint lacks with a plain-text 405. The contract's error table has
 * no 405, and an /api caller always gets its JSON shape, so this is the same 404 as any other
 * path the API does not have, with the methods it does take in `Allow`.
 */
const apiMethodNotFound: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (response.status !== 405 || !event.url.pathname.startsWith('/api/')) return response;
	const method = event.request.method;
	const allowed = response.headers.get('allow');
	const answer = errorResponse(
		new ApiError(
			'not_found',
			allowed ? `${method} is not supported on this API path; it takes ${allowed}.` : `${method} is not supported on this API path.`
		)
	);
	if (allowed) answer.headers.set('allow', allowed);
	return answer;
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [name, value] of SECURITY_HEADERS) response.headers.set(name, value);
	return response;
};

export const handle = sequence(
	provideApp,
	identify,
	logRequests,
	securityHeaders,
	apiMethodNotFound,
	checkOrigin,
	authenticate,
	guardPages
);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message: 'Not found', code: 'not_found' };
	if (isDatabaseUnavailable(error)) {
		return { message: DATABASE_UNAVAILABLE, code: 'unavailable' };
	}
	// A 4xx thrown by Kit itself (e.g. a body over BODY_SIZE_LIMIT) is the caller's mistake, not ours.
	if (status < 500) return { message, code: 'invalid_input' };
	app.log.error({ err: error, route: event.route.id, requestId: event.locals.requestId }, 'unhandled error');
	return { message: status >= 500 ? 'Something went wrong on our side. It has been logged.' : message, code: 'internal' };
};
