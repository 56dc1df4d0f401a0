import { defineMessages } from './define';

// History texts: each key holds its Chinese and English side by side.
export const historyMessages = defineMessages({
	'history.title': { zh: '服务记录', en: 'History' },
});
