import { defineMessages } from './define';

export const accountMessages = defineMessages({
	'account.title': { zh: '我的账户', en: 'My account' },
	'account.changePassword': { zh: '修改密码', en: 'Change password' },
	'account.current': { zh: '当前密码', en: 'Current password' },
	'account.new': { zh: '新密码（至少 8 个字符）', en: 'New password (at least 8 characters)' },
	'account.confirm': { zh: '再输入一次新密码', en: 'New password again' },
	'account.submit': { zh: '修改密码', en: 'Change password' },
	'account.done': {
		zh: '密码已修改。您在其他设备上的登录已退出。',
		en: 'Your password is changed. You are signed out on your other devices.'
	},
	'account.mismatch': { zh: '两次输入的新密码不一样。', en: 'The two new passwords differ.' },
	'account.wrongCurrent': { zh: '当前密码不对。', en: 'The current password is wrong.' },
	'account.tooShort': { zh: '新密码至少要 8 个字符。', en: 'The new password needs at least 8 characters.' },
	'account.same': { zh: '新密码要和当前密码不同。', en: 'Choose a password different from the current one.' }
});
