import { commonMessages } from './common';
import { dispatchMessages } from './dispatch';
import { volunteerMessages } from './volunteer';
import { historyMessages } from './history';
import { reliabilityMessages } from './reliability';
import { problemMessages } from './problems';
import { accountMessages } from './account';
import { timelineMessages } from './timeline';
import { catalogueMessages } from './catalogue';
import { teamMessages } from './teams';
import { volunteerAdminMessages } from './volunteers-admin';
import { residentMessages } from './residents';
import { reportMessages } from './reports';
import { qrMessages } from './qr';

// One catalog per area of the app, so features add their texts without touching each other's.
export const messages = {
	...commonMessages,
	...dispatchMessages,
	...volunteerMessages,
	...historyMessages,
	...reliabilityMessages,
	...problemMessages,
	...accountMessages,
	...timelineMessages,
	...catalogueMessages,
	...teamMessages,
	...volunteerAdminMessages,
	...residentMessages,
	...reportMessages,
	...qrMessages
};
export type MessageKey = keyof typeof messages;

export function isMessageKey(key: string): key is MessageKey {
	return Object.hasOwn(messages, key);
}
