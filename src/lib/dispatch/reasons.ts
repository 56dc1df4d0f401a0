// Why a volunteer gave a task back, as a code: stored in the event's meta and said in each
// reader's own language, so a volunteer reading English and a board reading Chinese see the
// same reason. A note (what the person typed) stays optional beside it.

/** The contract's reasons, for a release and for a decline alike. */
export const HANDBACK_REASONS = ['cannot_come', 'not_home', 'needs_other_skill', 'other'] as const;
export type HandbackReason = (typeof HANDBACK_REASONS)[number];

export function isHandbackReason(value: unknown): value is HandbackReason {
	return (HANDBACK_REASONS as readonly unknown[]).includes(value);
}
