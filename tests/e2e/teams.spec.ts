// Issue #15's team flow in the demo county: the 观音庵 dispatcher hands a haircut to 管得宽,
// its leader `gdk.lead` assigns a member in their own tab, the member accepts in theirs, and
// the board follows every step live. The team comes with the demo county's seed.
import type { APIRequestContext, Browser, BrowserContext, Page } from '@playwright/test';
import { test, expect, signInContext, DEMO_PASSWORD } from './fixtures';
import { goOnDuty, openLive } from './volunteer-helpers';
import type { BuildingView, RequestView, TeamView, UserView, VolunteerView } from '../../src/lib/api/types';

const TEAM = '管得宽';
const LEADER = 'gdk.lead';
const DISPATCHER = 'gya.dispatcher';

async function signedIn(browser: Browser, username: string): Promise<BrowserContext> {
	const context = await browser.newContext();
	await signInContext(context, username);
	return context;
}

/** 管得宽 as the 观音庵 dispatcher sees it, or null when the database has neither of them. */
async function findTeam(request: APIRequestContext): Promise<TeamView | null> {
	const signIn = await request.post('/api/session', { data: { username: DISPATCHER, password: DEMO_PASSWORD } });
	if (signIn.status() !== 200) return null;
	const teams = (await (await request.get('/api/teams')).json()) as TeamView[];
	return teams.find((t) => t.name === TEAM && t.active) ?? null;
}

/**
 * A member of the team, not its leader, with the haircut skill: the first such among the party
 * volunteers `gya001`… (E2E_TEAM_MEMBER names one outright). The search stops at the first
 * username that does not sign in, so it never runs into the sign-in throttle.
 */
async function findMember(browser: Browser, team: TeamView, volunteers: VolunteerView[]): Promise<{ username: string; id: string }> {
	const fits = (id: string | null) =>
		id !== null &&
		id !== team.leaderVolunteerId &&
		team.memberIds.includes(id) &&
		!!volunteers.find((v) => v.id === id)?.skills.includes('haircut');
	const names = process.env.E2E_TEAM_MEMBER
		? [process.env.E2E_TEAM_MEMBER]
		: Array.from({ length: 99 }, (_, i) => `gya${String(i + 1).padStart(3, '0')}`);
	const context = await browser.newContext();
	try {
		for (const username of names) {
			const answer = await context.request.post('/api/session', { data: { username, password: DEMO_PASSWORD } });
			if (answer.status() !== 200) break;
			const { user } = (await answer.json()) as { user: UserView };
			if (fits(user.volunteerId)) return { username, id: user.volunteerId! };
		}
	} finally {
		await context.close();
	}
	throw new Error(`no member of ${TEAM} other than its leader has the haircut skill among gya001…`);
}

const queueRow = (board: Page, id: string) => board.locator(`[data-testid="queue"] [data-request-id="${id}"]`);

test('a request handed to 管得宽: gdk.lead assigns a member in their tab, the member accepts in theirs, the board follows', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const probe = await browser.newContext();
	const team = await findTeam(probe.request);
	await probe.close();
	if (!team) throw new Error(`The demo county has no active team ${TEAM} visible to ${DISPATCHER}`);

	const staff = await signedIn(browser, DISPATCHER);
	const volunteers = (await (await staff.request.get('/api/volunteers')).json()) as VolunteerView[];
	const member = await findMember(browser, team, volunteers);
	const leaderContext = await signedIn(browser, LEADER);
	const memberContext = await signedIn(browser, member.username);
	await goOnDuty(memberContext.request);

	const [board, leaderTab, memberTab] = await Promise.all([staff.newPage(), leaderContext.newPage(), memberContext.newPage()]);
	await Promise.all([openLive(board, '/dispatch'), openLive(leaderTab, '/volunteer'), openLive(memberTab, '/volunteer')]);

	// A resident of 观音庵 calls for a haircut.
	const buildings = (await (await staff.request.get('/api/buildings')).json()) as BuildingView[];
	const home = buildings.find((b) => b.kind === 'residential' && b.communityId === team.communityId) ?? buildings[0]!;
	const created = await staff.request.post('/api/requests', {
		data: {
			type: 'haircut',
			buildingId: home.id,
			unit: '3单元201',
			description: '老人行动不便，请上门理发（服务队 e2e）',
			contactPhone: '13900002222'
		}
	});
	expect(created.status()).toBe(201);
	const request = (await created.json()) as RequestView;

	// The dispatcher hands it to 管得宽 from the request's detail.
	const row = queueRow(board, request.id);
	await row.getByRole('button').click();
	const handOver = board.locator('[data-testid="hand-to-team"]');
	await handOver.locator('select[name="teamId"]').selectOption({ label: TEAM });
	await handOver.locator('[data-action="hand-to-team"]').click();
	await expect(row.locator(`.chip[data-team-id="${team.id}"]`)).toHaveText(TEAM);
	await expect(board.locator('[data-testid="request-team"]')).toContainText(TEAM);
	await expect(row).toHaveAttribute('data-status', 'open');

	// gdk.lead sees it at once, without the resident's phone, and assigns the member.
	const card = leaderTab.locator(`[data-testid="team-requests"] [data-request-id="${request.id}"]`);
	await expect(card).toBeVisible({ timeout: 5_000 });
	await expect(card).toContainText('老人行动不便');
	await expect(card).not.toContainText('13900002222');
	await card.locator(`[data-action="assign"][data-volunteer-id="${member.id}"]`).click();
	await expect(card).toHaveCount(0);
	await expect(row).toHaveAttribute('data-status', 'assigned');

	// The member accepts in their own tab; the board follows.
	const task = memberTab.locator(`[data-testid="my-tasks"] [data-request-id="${request.id}"]`);
	await expect(task).toBeVisible({ timeout: 5_000 });
	await expect(task.locator('a[href="tel:13900002222"]')).toBeVisible();
	await task.locator('[data-action="accept"]').click();
	await expect(task).toHaveAttribute('data-status', 'accepted');
	await expect(row).toHaveAttribute('data-status', 'accepted');
	await expect(board.locator('[data-testid="request-team"]')).toContainText(TEAM);

	for (const context of [staff, leaderContext, memberContext]) await context.close();
});
