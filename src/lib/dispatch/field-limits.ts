// How many characters each text a person types into a request may hold. The API's schemas,
// the forms' maxlength and the server's own writes all read them here. The initial migration
// repeats the first four as check constraints (migrations are frozen in time and never import
// app code); tests/integration/db-constraints.test.ts checks that the database agrees.

export const FIELD_LIMITS = {
	/** What is needed; at least one character too. */
	description: 2000,
	/** The unit or door within the building. */
	unit: 40,
	contactName: 80,
	contactPhone: 40,
	/** Why staff cancelled it (kept in the event's note). */
	cancelReason: 500,
	/** A volunteer's note on accept, decline, start or complete (the event's note). */
	note: 1000
} as const;

export type LimitedField = keyof typeof FIELD_LIMITS;

/** A visit plan's interval, in whole days: at least daily, at most yearly. Also a check in the migration. */
export const VISIT_INTERVAL_DAYS = { min: 1, max: 366 } as const;
