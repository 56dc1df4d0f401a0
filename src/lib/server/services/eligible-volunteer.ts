import type { Queryable } from '../db/types';
import type { VolunteerRow } from '../db/schema';
import type { Skill } from '../../dispatch/vocabulary';
import { whyIneligible } from '../../dispatch/eligibility';
import { findVolunteerForShare, servesCommunity } from '../repositories/volunteers';
import { unprocessable } from '../http/api-error';

/**
 * The volunteer about to be given a request of this community needing this skill, or a 422
 * saying why they cannot be. Their row stays locked until the commit, so they cannot go off
 * duty in between.
 */
export async function lockEligibleVolunteer(
	trx: Queryable,
	volunteerId: string,
	need: { skill: Skill; communityId: string }
): Promise<VolunteerRow> {
	const volunteer = await findVolunteerForShare(trx, volunteerId);
	if (!volunteer) throw unprocessable('That volunteer does not exist.');
	const problem = whyIneligible({ ...volunteer, servesCommunity: await servesCommunity(trx, volunteer, need.communityId) }, need.skill);
	if (problem) throw unprocessable(problem);
	return volunteer;
}
