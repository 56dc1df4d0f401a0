import { defineMessages } from './define';

// Common texts: each key holds its Chinese and English side by side.
export const commonMessages = defineMessages({
	'app.title': { zh: '社区志愿服务调度', en: 'Community Volunteer Dispatch' },
	'app.short': { zh: '志愿调度', en: 'Volunteer Dispatch' },
	'nav.dispatch': { zh: '调度台', en: 'Dispatch' },
	'nav.volunteer': { zh: '我的任务', en: 'My tasks' },
	'nav.report': { zh: '上报', en: 'Reports' },
	'nav.history': { zh: '服务记录', en: 'History' },
	'nav.signOut': { zh: '退出', en: 'Sign out' },
	'nav.menu': { zh: '菜单', en: 'Menu' },
	'nav.language': { zh: 'English', en: '中文' },
	'role.dispatcher': { zh: '调度员', en: 'Dispatcher' },
	'role.coordinator': { zh: '协调员', en: 'Coordinator' },
	'role.volunteer': { zh: '志愿者', en: 'Volunteer' },
	'role.reporter': { zh: '楼栋长/网格员', en: 'Building head' },
	'connection.connected': { zh: '实时连接正常', en: 'Live' },
	'connection.reconnecting': { zh: '正在重新连接…', en: 'Reconnecting…' },
	'connection.offline': { zh: '已离线', en: 'Offline' },
	'login.title': { zh: '登录', en: 'Sign in' },
	'login.subtitle': { zh: '供调度员、协调员和志愿者使用', en: 'For dispatchers, coordinators and volunteers' },
	'login.username': { zh: '用户名', en: 'Username' },
	'login.password': { zh: '密码', en: 'Password' },
	'login.submit': { zh: '登录', en: 'Sign in' },
	'login.submitting': { zh: '正在登录…', en: 'Signing in…' },
	'login.wrong': { zh: '用户名或密码不正确。', en: 'The username or password is wrong.' },
	'login.sessionEnded': {
		zh: '您的登录已失效（已退出、已过期或密码已更改），请重新登录。',
		en: 'Your session has ended (signed out, expired or the password changed). Please sign in again.'
	},
	'login.deactivated': {
		zh: '此志愿者账号已停用，无法登录。如需恢复，请联系社区协调员。',
		en: 'This volunteer account has been deactivated and cannot sign in. Please ask your coordinator.'
	},
	'login.failed': { zh: '暂时无法登录，请稍后再试。', en: 'Signing in is not possible right now. Please try again shortly.' },
	'login.demoHint': {
		zh: '演示账号：dispatcher、coordinator、vol01 … 密码 demo1234',
		en: 'Demo logins: dispatcher, coordinator, vol01 … password demo1234'
	},
	'type.haircut': { zh: '上门理发', en: 'Haircut' },
	'type.repair': { zh: '水电维修', en: 'Repair' },
	'type.elder_visit': { zh: '探访老人', en: 'Elder visit' },
	'common.listSeparator': { zh: '、', en: ', ' },
	'status.open': { zh: '待派单', en: 'Open' },
	'status.assigned': { zh: '已派单', en: 'Assigned' },
	'status.accepted': { zh: '已接单', en: 'Accepted' },
	'status.in_progress': { zh: '服务中', en: 'In progress' },
	'status.completed': { zh: '已完成', en: 'Completed' },
	'status.cancelled': { zh: '已取消', en: 'Cancelled' },
	'urgency.normal': { zh: '普通', en: 'Normal' },
	'urgency.urgent': { zh: '紧急', en: 'Urgent' },
	'kind.residential': { zh: '住宅楼', en: 'Residential' },
	'kind.shop': { zh: '商铺', en: 'Shop' },
	'kind.public': { zh: '公共设施', en: 'Public' },
	'common.loading': { zh: '加载中…', en: 'Loading…' },
	'common.error': { zh: '出错了：{message}', en: 'Something went wrong: {message}' },
	'common.retry': { zh: '重试', en: 'Try again' },
	'error.title': { zh: '出错了', en: 'Something went wrong' },
	'error.notFound': { zh: '页面不存在。', en: 'This page does not exist.' },
	'error.back': { zh: '返回首页', en: 'Back to the start' },
	'common.close': { zh: '关闭', en: 'Close' },
	'common.back': { zh: '返回', en: 'Back' },
	'common.networkError': {
		zh: '网络连接失败，请检查网络后重试。',
		en: 'The network is not reachable. Check the connection and try again.'
	},
	'time.justNow': { zh: '刚刚', en: 'just now' },
	'time.minutes': { zh: '{n} 分钟', en: '{n} min' },
	'time.hours': { zh: '{n} 小时', en: '{n} h' },
	'time.days': { zh: '{n} 天', en: '{n} d' }
});
