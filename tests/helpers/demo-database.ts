// Vitest only: the run's demo templates come through vitest's `inject`.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { postgresDatabase, type Engine, type TestDatabase } from './database';

/**
 * A database of its own holding the demo community, copied from the template the run seeded
 * once (tests/helpers/templates.ts): a PGlite directory, or a PostgreSQL database created from
 * the template database.
 */
export async function createDemoDatabase(engine: Engine): Promise<TestDatabase> {
	const templates = inject('demoTemplates');
	if (engine === 'pglite') {
		const parent = mkdtempSync(join(tmpdir(), 'vd-test-'));
		const dataDir = join(parent, 'pgdata');
		cpSync(templates.pglite, dataDir, { recursive: true });
		return {
			target: { kind: 'embedded', dataDir },
			env: { DATA_DIR: dataDir },
			drop: async () => rmSync(parent, { recursive: true, force: true })
		};
	}
	if (!templates.postgres) throw new Error('No PostgreSQL template: set TEST_DATABASE_URL for the postgres engine.');
	return postgresDatabase(` template ${templates.postgres}`);
}
