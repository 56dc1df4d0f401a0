/** One message in every language; Chinese is the source, English must exist too. */
export interface Message {
	zh: string;
	en: string;
}

export function defineMessages<const T extends Record<string, Message>>(messages: T): T {
	return messages;
}
