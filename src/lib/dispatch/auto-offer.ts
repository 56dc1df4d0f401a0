// Whom auto-offer asks next: one pure rule, so the service only reads and writes.

/** A candidate as the ranked list gives it (services/candidates.ts), best first. */
export interface AutoOfferCandidate {
	volunteerId: string;
	online: boolean;
	declined: boolean;
}

export interface AutoOfferState {
	/** Offers this run has made. */
	tried: number;
	/** AUTO_OFFER_MAX_TRIES. */
	maxTries: number;
	/** In ranking order. */
	candidates: readonly AutoOfferCandidate[];
	/** Everyone this request was ever offered to: asked once, never again by the machine. */
	offeredBefore: ReadonlySet<string>;
}

/**
 * The best online volunteer not yet asked, or null when the run is over: the tries are used
 * up, or nobody online is left. Only online volunteers: an offer to a closed app would sit
 * for the whole offer timeout, which is the delay auto-offer exists to avoid.
 */
export function pickAutoOffer(state: AutoOfferState): string | null {
	if (state.tried >= state.maxTries) return null;
	const next = state.candidates.find((c) => c.online && !c.declined && !state.offeredBefore.has(c.volunteerId));
	return next?.volunteerId ?? null;
}
