import { getContext, setContext } from 'svelte';
import type { ServiceView } from '../api/types';
import type { Locale } from '../i18n/locales';

/**
 * The service catalogue as a page knows it: read with the page, kept live by `service:updated`.
 * Every screen names a request's type through it, in the reader's language; a code the page
 * has not heard of yet is shown as itself rather than as nothing.
 */
export class Catalogue {
	services = $state<ServiceView[]>([]);
	readonly active = $derived(this.services.filter((s) => s.active));
	// Rebuilt whole from the list whenever it changes, never changed in place.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #byCode = $derived(new Map(this.services.map((s) => [s.code, s])));

	constructor(services: ServiceView[]) {
		this.services = services;
	}

	get(code: string): ServiceView | undefined {
		return this.#byCode.get(code);
	}

	name(code: string, locale: Locale): string {
		const service = this.#byCode.get(code);
		return service ? (locale === 'en' ? service.name.en : service.name.zh) : code;
	}

	/** A service added or changed elsewhere, heard live. */
	put(service: ServiceView): void {
		const at = this.services.findIndex((s) => s.code === service.code);
		this.services = at === -1 ? [...this.services, service] : this.services.map((s, i) => (i === at ? service : s));
	}
}

const KEY = Symbol('catalogue');

export function setCatalogue(catalogue: Catalogue): void {
	setContext(KEY, catalogue);
}

export function useCatalogue(): Catalogue {
	return getContext<Catalogue>(KEY);
}
