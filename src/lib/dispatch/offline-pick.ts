// Assigning someone offline is allowed, but they may not see the offer for hours: the board
// warns first and asks for a second press on the same volunteer (contract, "Candidates, part
// two"), by click or by the A key alike.

export interface PickState {
	/** The offline volunteer a first press warned about, if any. */
	armedId: string | null;
}

export type PickOutcome = { go: true; next: PickState } | { go: false; next: PickState };

/** One press on "assign" for a volunteer: go ahead, or warn and wait for a second press. */
export function pressAssign(state: PickState, volunteer: { volunteerId: string; online: boolean }): PickOutcome {
	if (volunteer.online) return { go: true, next: { armedId: null } };
	if (state.armedId === volunteer.volunteerId) return { go: true, next: { armedId: null } };
	return { go: false, next: { armedId: volunteer.volunteerId } };
}
