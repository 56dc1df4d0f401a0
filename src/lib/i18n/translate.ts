import { getContext, setContext } from 'svelte';
import { messages, type MessageKey } from './messages/index';
import type { Locale } from './locales';

export type { MessageKey };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function createTranslator(locale: Locale): Translate {
	const side = locale === 'en' ? 'en' : 'zh';
	return (key, params) => {
		const text = messages[key]?.[side] ?? key;
		return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : text;
	};
}

const KEY = Symbol('i18n');
export interface I18n {
	readonly locale: Locale;
	readonly t: Translate;
}

/** Set once in the root layout; every component reads the current language from it. */
export function setI18n(i18n: I18n): void {
	setContext(KEY, i18n);
}

export function useI18n(): I18n {
	return getContext<I18n>(KEY);
}
