import { defineMessages } from './define';

// Volunteer texts: each key holds its Chinese and English side by side.
export const volunteerMessages = defineMessages({
	'volunteer.title': { zh: '我的任务', en: 'My tasks' },
	'volunteer.empty': { zh: '目前没有分配给您的任务。', en: 'Nothing is assigned to you right now.' },
});
