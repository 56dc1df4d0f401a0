import { defineMessages } from './define';

// Reliability and security texts: throttled sign-in, a lost database, password change.
export const reliabilityMessages = defineMessages({
	'login.rateLimited': {
		zh: '登录失败次数过多，请等待 {minutes} 分钟后再试。',
		en: 'Too many failed sign-ins. Please wait {minutes} minutes and try again.'
	},
	'login.rateLimitedSeconds': {
		zh: '登录失败次数过多，请等待 {seconds} 秒后再试。',
		en: 'Too many failed sign-ins. Please wait {seconds} seconds and try again.'
	},
	'service.unavailable': {
		zh: '数据库暂时无法连接。您的操作没有保存，恢复后会自动重新连接。',
		en: 'The database cannot be reached right now. Nothing you do is saved until it is back; this page reconnects by itself.'
	},
	'service.offline': {
		zh: '与服务器的连接已断开，正在重试。页面上的内容可能不是最新的，操作可能无法提交。',
		en: 'The connection to the server is lost; retrying. What you see may be out of date, and actions may not go through.'
	},
	'service.unavailableTitle': { zh: '暂时无法使用', en: 'Temporarily unavailable' }
});
