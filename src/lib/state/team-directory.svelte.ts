import type { TeamView } from '$lib/api/types';
import type { CaughtUpEvent } from '$lib/realtime/events';
import { callApi } from '$lib/api/client';
import type { FailedCall } from '$lib/i18n/api-problem';
import { whyTeamCannotTake } from '$lib/dispatch/teams';

/**
 * The teams a staff page knows: those serving its scope, read once and kept live by
 * `team:updated` (staff hear the teams of their communities). The board names a request's team
 * through it and offers the teams that may take a request; the teams page lists them.
 */
export class TeamDirectory {
	state = $state<'loading' | 'ready' | 'error'>('loading');
	teams = $state<TeamView[]>([]);
	problem = $state<FailedCall | null>(null);
	// Rebuilt whole from the list whenever it changes, never changed in place.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #byId = $derived(new Map(this.teams.map((t) => [t.id, t])));

	/** With the teams the page was served with, or none yet (then `load` them). */
	constructor(teams?: TeamView[]) {
		if (teams) {
			this.teams = sortByName(teams);
			this.state = 'ready';
		}
	}

	async load(): Promise<void> {
		this.state = 'loading';
		const result = await callApi<TeamView[]>('GET', '/api/teams');
		if (result.ok) {
			this.teams = sortByName(result.data);
			this.state = 'ready';
		} else {
			this.problem = { status: result.status, code: result.code };
			this.state = 'error';
		}
	}

	apply(batch: CaughtUpEvent[]): void {
		for (const message of batch) if (message.event === 'team:updated') this.put(message.data.team);
	}

	/** A team added or changed, heard live or saved by this page. */
	put(team: TeamView): void {
		const others = this.teams.filter((t) => t.id !== team.id);
		this.teams = sortByName([...others, team]);
	}

	get(id: string): TeamView | undefined {
		return this.#byId.get(id);
	}

	name(id: string): string | null {
		return this.#byId.get(id)?.name ?? null;
	}

	/** The active teams that serve this community and have this skill: those a request may be handed to. */
	fitFor(need: { communityId: string; skill: string }): TeamView[] {
		return this.teams.filter((team) => whyTeamCannotTake(team, need) === null);
	}
}

const sortByName = (teams: TeamView[]) => [...teams].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || (a.id < b.id ? -1 : 1));
