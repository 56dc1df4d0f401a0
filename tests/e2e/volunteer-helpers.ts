import { expect, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import type { RequestView, UserView } from '../../src/lib/api/types';

/** What the page did to get attention, as recorded by `recordAlerts`. */
export interface AlertLog {
	notifications: { title: string; body: string; tag: string }[];
	oscillators: number;
}

/**
 * Replaces the browser's Notification with a recorder that has permission, and counts the
 * chime's oscillators, so a test can see the page really took both paths.
 */
export async function recordAlerts(context: BrowserContext): Promise<void> {
	await context.addInitScript(() => {
		const log = { notifications: [] as { title: string; body: string; tag: string }[], oscillators: 0 };
		class RecordingNotification {
			static permission = 'granted';
			static requestPermission = async () => 'granted';
			onclick: (() => void) | null = null;
			constructor(title: string, options: NotificationOptions = {}) {
				log.notifications.push({ title, body: options.body ?? '', tag: options.tag ?? '' });
			}
			close() {}
		}
		Object.defineProperty(window, 'Notification', { value: RecordingNotification, configurable: true, writable: true });
		const proto = window.AudioContext?.prototype;
		if (proto) {
			const original = proto.createOscillator;
			proto.createOscillator = function (this: AudioContext) {
				log.oscillators += 1;
				return original.call(this);
			};
		}
		(window as unknown as { __alerts: typeof log }).__alerts = log;
	});
}

export const alertLog = (page: Page): Promise<AlertLog> => page.evaluate(() => (window as unknown as { __alerts: AlertLog }).__alerts);

export async function volunteerIdOf(request: APIRequestContext): Promise<string> {
	const response = await request.get('/api/session');
	return ((await response.json()) as { user: UserView }).user.volunteerId!;
}

export async function goOnDuty(request: APIRequestContext): Promise<void> {
	expect((await request.put('/api/me/availability', { data: { available: true } })).status()).toBe(200);
}

/** A dispatcher creates a request through the API and offers it to a volunteer. */
export async function offerTask(
	staff: APIRequestContext,
	volunteerId: string,
	fields: { description: string; building?: string; type?: RequestView['type'] }
): Promise<RequestView> {
	const buildings = (await (await staff.get('/api/buildings')).json()) as { id: string; name: string }[];
	const building = buildings.find((b) => b.name === (fields.building ?? '8栋'))!;
	const created = await staff.post('/api/requests', {
		data: {
			type: fields.type ?? 'haircut',
			buildingId: building.id,
			description: fields.description,
			unit: '2单元301',
			contactName: '陈阿姨',
			contactPhone: '13800001111'
		}
	});
	expect(created.status()).toBe(201);
	const request = (await created.json()) as RequestView;
	const assigned = await staff.post(`/api/requests/${request.id}/assign`, { data: { volunteerId, version: request.version } });
	expect(assigned.status()).toBe(200);
	return (await assigned.json()) as RequestView;
}

export async function timelineOf(staff: APIRequestContext, id: string): Promise<{ action: string; note: string | null }[]> {
	return ((await (await staff.get(`/api/requests/${id}`)).json()) as { events: { action: string; note: string | null }[] }).events;
}

export async function openLive(page: Page, path: string): Promise<void> {
	await page.goto(path);
	// Generous: a busy CI machine may take a while to load the page and open the socket.
	await expect(page.locator('[data-testid="connection"]')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
}

/**
 * Switches the phone off duty, saying yes when it asks first: a volunteer still holding tasks
 * (other tests may have left some with them) is asked before going off duty.
 */
export async function switchOffDuty(page: Page): Promise<void> {
	const toggle = page.getByTestId('availability');
	const confirm = page.getByTestId('off-duty-confirm');
	await toggle.click();
	await expect.poll(async () => (await confirm.isVisible()) || !(await toggle.isChecked())).toBe(true);
	if (await confirm.isVisible()) await confirm.locator('[data-action="off-duty-anyway"]').click();
	await expect(toggle).not.toBeChecked();
}
