import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import type { RequestHandler } from './$types';

/** Readiness: the database answers too. */
export const GET: RequestHandler = async ({ locals }) => {
	try {
		await sql`select 1`.execute(locals.app.db);
		return json({ status: 'ready' });
	} catch {
		return json({ status: 'unavailable', error: { code: 'unavailable', message: 'The database cannot be reached.' } }, { status: 503 });
	}
};
