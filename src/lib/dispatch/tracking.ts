// What a resident sees of their request on the tracking page (/t/:token) and its API: the
// steps and when, who is coming by family name only, the code to give the volunteer, and
// whether they may rate. Never a phone number, never a full name (contract, "Residents").
import type { Status } from './vocabulary';

export interface TrackView {
	status: Status;
	type: string;
	building: string;
	unit: string;
	createdAt: string;
	assignedAt: string | null;
	acceptedAt: string | null;
	startedAt: string | null;
	completedAt: string | null;
	cancelledAt: string | null;
	cancelReason: string | null;
	volunteerName: string | null;
	confirmationCode: string | null;
	deadlines: { assignBy: string | null; completeBy: string | null };
	feedback: { rating: number; comment: string | null } | null;
	canRate: boolean;
	/** Grows with every change: a page keeps the newest of two answers that crossed. */
	version: number;
}

/**
 * "王师傅" for a repair, "王志愿者" otherwise; "Volunteer Wang"-style in English ("Volunteer 王").
 * The family name is the first character: compound surnames (欧阳) are rare enough to read as one.
 */
export function volunteerTitle(fullName: string, skill: string, locale: 'zh-CN' | 'en'): string {
	const family = [...fullName.trim()][0] ?? '';
	if (locale === 'en') return `Volunteer ${family}`;
	return `${family}${skill === 'repair' ? '师傅' : '志愿者'}`;
}

/** Rating is once, and only once the work is done. */
export function canRate(status: Status, rated: boolean): boolean {
	return status === 'completed' && !rated;
}

/** A rating this low reopens the request for another try (contract: 1 or 2). */
export function reopensOnRating(rating: number): boolean {
	return rating <= 2;
}
