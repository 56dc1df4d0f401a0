// The shapes of a coordinator's keeping of volunteers (/api/volunteers writes, /admin/volunteers).
import type { RequestView, VolunteerView } from './types';

/** A volunteer as their coordinator sees them: the contract's view, with their login, phone, home and teams. */
export interface VolunteerAdminView extends VolunteerView {
	/** Their login; null for a volunteer written without one (an old seed). */
	username: string | null;
	phone: string | null;
	homeBuildingId: string;
	teamIds: string[];
}

/** POST /api/volunteers: the new volunteer, and their first password, shown this once. */
export interface NewVolunteerView {
	volunteer: VolunteerAdminView;
	firstPassword: string;
}

/** POST /api/volunteers/:id/deactivate: the volunteer, and the tasks that went back to the queue. */
export interface DeactivatedView {
	volunteer: VolunteerAdminView;
	released: RequestView[];
}
