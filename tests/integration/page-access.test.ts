// Who may open which page, tried the way an attacker would: every page route (found by walking
// src/routes, so a page added later is covered without editing this file) × every role × the
// spellings Kit decodes to the same route (percent-encoded letters, a trailing slash) and the
// ones it does not (other letter cases), each as a page and as its `__data.json`. The wrong
// role gets a redirect, a 403 or a 404: never the page's data, never a 500.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE, type TestDatabase } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { startServer, type RunningServer } from '../helpers/server';
import { signIn } from '../helpers/clients';
import { openRequest, signedIn, someBuilding } from '../helpers/api-factories';
import { PAGE_ACCESS, pageAccess } from '../../src/lib/dispatch/permissions';
import type { Role } from '../../src/lib/dispatch/vocabulary';

const PHONE = '13912345678';
const USERS: Record<Role, string> = { dispatcher: 'dispatcher', volunteer: 'vol05', coordinator: 'coordinator', reporter: 'louzhang01' };
/** A value for each dynamic segment, so a route with parameters is tried too. */
const SAMPLE_PARAM = 'x';

/** Every page route's id (as Kit names it) and a path that reaches it. */
function pageRoutes(): { id: string; path: string }[] {
	const found: { id: string; path: string }[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			if (entry.isDirectory()) walk(join(dir, entry.name));
			else if (entry.name === '+page.svelte') {
				const segments = relative('src/routes', dir).split(sep).filter(Boolean);
				const id = `/${segments.join('/')}`;
				const path = `/${segments
					.filter((s) => !s.startsWith('('))
					.map((s) => (s.startsWith('[') ? SAMPLE_PARAM : s))
					.join('/')}`;
				found.push({ id, path });
			}
		}
	};
	walk('src/routes');
	return found;
}

/** Spellings of one path: the same route after decoding, and case changes that are not. */
function spellings(path: string): string[] {
	if (path === '/') return ['/'];
	const letters = [...path];
	const firstLetter = letters.findIndex((c) => /[a-z]/.test(c));
	const lastLetter = letters.length - 1 - [...letters].reverse().findIndex((c) => /[a-z]/.test(c));
	const encodeAt = (i: number) => letters.map((c, j) => (j === i ? `%${c.charCodeAt(0).toString(16)}` : c)).join('');
	const encodeAll = letters.map((c) => (/[a-z]/.test(c) ? `%${c.charCodeAt(0).toString(16).toUpperCase()}` : c)).join('');
	return [
		path,
		encodeAt(firstLetter),
		encodeAt(lastLetter),
		encodeAll,
		`${path}/`,
		path.toUpperCase(),
		path[0] + path[1]!.toUpperCase() + path.slice(2)
	];
}

const dataUrl = (path: string) => `${path.replace(/\/$/, '')}/__data.json`;

describe('page access by route, whatever the spelling', () => {
	let database: TestDatabase;
	let server: RunningServer;
	const cookies: Partial<Record<Role, string>> = {};

	beforeAll(async () => {
		database = await createDemoDatabase(ENGINE);
		server = await startServer(database.env);
		for (const role of Object.keys(USERS) as Role[]) cookies[role] = await signIn(server.url, USERS[role]);
		// A request whose phone must never reach a page its reader may not open.
		const dispatcher = await signedIn(server.url, 'dispatcher2');
		await openRequest(dispatcher.call, (await someBuilding(dispatcher.call)).id, { contactPhone: PHONE, contactName: '赵阿姨' });
	});
	afterAll(async () => {
		await server?.stop();
		await database?.drop();
	});

	const get = (path: string, cookie?: string) => fetch(`${server.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });

	it('finds the pages to try, and every one has a rule in PAGE_ACCESS', () => {
		const routes = pageRoutes();
		expect(routes.map((r) => r.id)).toEqual(expect.arrayContaining(['/(app)/dispatch', '/(app)/volunteer', '/(app)/history', '/login']));
		for (const route of routes) expect(pageAccess(route.id, 'coordinator'), route.id).not.toBe('not-a-page');
	});

	it('opens each page for a role it allows, as a page and as data', async () => {
		for (const route of pageRoutes()) {
			for (const role of Object.keys(USERS) as Role[]) {
				// Public pages (the login page, `/`) send a signed-in user on; only role-bound ones open.
				if (PAGE_ACCESS[route.id] === 'public' || pageAccess(route.id, role) !== 'open') continue;
				const page = await get(route.path, cookies[role]);
				expect(page.status, `${role} ${route.path}`).toBe(200);
				const data = await get(dataUrl(route.path), cookies[role]);
				expect(data.status, `${role} ${dataUrl(route.path)}`).toBe(200);
				expect((await data.json()).type, `${role} ${dataUrl(route.path)}`).toBe('data');
			}
		}
	});

	it('never serves a page or its data to a role it does not allow, nor to nobody', async () => {
		const tried: string[] = [];
		for (const route of pageRoutes()) {
			for (const role of [...(Object.keys(USERS) as Role[]), null]) {
				if (pageAccess(route.id, role) === 'open') continue;
				for (const spelling of spellings(route.path)) {
					for (const url of [spelling, dataUrl(spelling)]) {
						const answer = await get(url, role ? cookies[role] : undefined);
						const text = await answer.text();
						const label = `${role ?? 'anonymous'} ${url} → ${answer.status}`;
						tried.push(label);
						expect(answer.status, label).toBeLessThan(500);
						expect(text, label).not.toContain(PHONE);
						if (answer.status === 200) {
							// Only Kit's redirect for a data request may answer 200, and it carries no data.
							expect(url.endsWith('__data.json'), label).toBe(true);
							expect(JSON.parse(text), label).toEqual({ type: 'redirect', location: expect.any(String) });
						} else {
							expect([303, 307, 308, 403, 404], label).toContain(answer.status);
						}
						if (answer.status === 303) expect(answer.headers.get('location'), label).not.toMatch(new RegExp(`^${route.path}(/|$)`));
					}
				}
			}
		}
		// Enough was tried that a missing case would show: pages × wrong roles × spellings × 2.
		expect(tried.length).toBeGreaterThan(50);
	});
});
