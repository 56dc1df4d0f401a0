// The county's areas: a tree of the county, its streets and towns (街道, 镇), and their
// communities (社区). A user's scope is one area; what they may see is every community under it.

export const AREA_KINDS = ['county', 'street', 'community'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

export interface Area {
	id: string;
	name: string;
	kind: AreaKind;
	parentId: string | null;
}

/** An area as a user's scope, as the contract's `user.scope` names it. */
export interface ScopeView {
	id: string;
	kind: AreaKind;
	name: string;
}

/** The tree, read once and asked many times: which communities lie under an area, and what is above it. */
export class AreaTree {
	readonly #byId = new Map<string, Area>();
	readonly #children = new Map<string, Area[]>();

	constructor(areas: readonly Area[]) {
		for (const area of areas) {
			this.#byId.set(area.id, area);
			if (area.parentId) this.#children.set(area.parentId, [...(this.#children.get(area.parentId) ?? []), area]);
		}
	}

	get(id: string): Area | undefined {
		return this.#byId.get(id);
	}

	/** Every community at or under this area, in name order; none for an unknown id. */
	communitiesUnder(id: string): string[] {
		const start = this.#byId.get(id);
		if (!start) return [];
		const found: Area[] = [];
		const pending = [start];
		while (pending.length > 0) {
			const area = pending.pop()!;
			if (area.kind === 'community') found.push(area);
			else pending.push(...(this.#children.get(area.id) ?? []));
		}
		return found.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')).map((a) => a.id);
	}

	/** The areas above this one, nearest first. */
	ancestors(id: string): Area[] {
		const out: Area[] = [];
		let parentId = this.#byId.get(id)?.parentId ?? null;
		while (parentId) {
			const parent = this.#byId.get(parentId);
			if (!parent) break;
			out.push(parent);
			parentId = parent.parentId;
		}
		return out;
	}

	/**
	 * What a user with this scope is shown of the tree (GET /api/areas): their own area, everything
	 * under it, and the areas above it, county first.
	 */
	visibleFrom(id: string): Area[] {
		const own = this.#byId.get(id);
		if (!own) return [];
		const below: Area[] = [];
		const pending = [...(this.#children.get(own.id) ?? [])];
		while (pending.length > 0) {
			const area = pending.shift()!;
			below.push(area);
			pending.push(...(this.#children.get(area.id) ?? []));
		}
		return [...this.ancestors(id).reverse(), own, ...below];
	}

	scopeView(id: string): ScopeView | null {
		const area = this.#byId.get(id);
		return area ? { id: area.id, kind: area.kind, name: area.name } : null;
	}
}

/** Which areas each role may work in: dispatchers and volunteers a community; coordinators any. */
export function scopeKindsFor(role: string): readonly AreaKind[] {
	return role === 'coordinator' ? AREA_KINDS : ['community'];
}
