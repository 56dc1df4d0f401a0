import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Logger } from '../log';
import { AreaTree } from '../../dispatch/areas';
import { listAreas } from '../repositories/areas';

/**
 * The county's area tree, held in memory by each node: scope checks ask it on every request.
 * Areas change rarely (an import, an administrator), so each node rereads them now and then,
 * and at once when asked about an area it has not heard of.
 */
export class AreaDirectory {
	#tree = new AreaTree([]);
	#timer: ReturnType<typeof setInterval> | null = null;

	constructor(
		private db: Kysely<Database>,
		private log: Logger
	) {}

	get tree(): AreaTree {
		return this.#tree;
	}

	async load(): Promise<void> {
		this.#tree = new AreaTree(await listAreas(this.db));
	}

	/** The tree, reread first if it does not know this area yet (made on another node, or by an import). */
	async treeKnowing(areaId: string): Promise<AreaTree> {
		if (!this.#tree.get(areaId)) await this.load();
		return this.#tree;
	}

	startRefreshing(everyMs: number): void {
		this.#timer = setInterval(() => this.load().catch((error) => this.log.warn({ err: error }, 'could not reread the areas')), everyMs);
		this.#timer.unref();
	}

	stop(): void {
		if (this.#timer) clearInterval(this.#timer);
	}
}
