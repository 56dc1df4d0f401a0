// Before the integration and soak tiers: a build of the current sources, and one demo database
// per engine, seeded once, that every test file copies instead of seeding its own.
import type { TestProject } from 'vitest/node';
import { ensureBuild } from '../../src/ensure-build.js';
import { createTemplates } from './templates';

export default async function setup(project: TestProject) {
	ensureBuild();
	const templates = await createTemplates(project.config.env?.TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite');
	project.provide('demoTemplates', templates.locations);
	return templates.drop;
}

declare module 'vitest' {
	export interface ProvidedContext {
		demoTemplates: { pglite: string; postgres: string | null };
	}
}
