import { defineMessages } from './define';

// The coordinators' page for volunteers (/admin/volunteers).
export const volunteerAdminMessages = defineMessages({
	'nav.volunteers': { zh: '志愿者', en: 'Volunteers' },

	'admin.volunteers.title': { zh: '志愿者管理', en: 'Volunteers' },
	'admin.volunteers.intro': {
		zh: '在您负责的范围内添加志愿者、修改技能和所属服务队，停用或恢复账号。停用后不能登录，也不会再被派单。',
		en: 'Add the volunteers of your area, change their skills and teams, deactivate or reactivate them. A deactivated volunteer cannot sign in and is offered nothing.'
	},
	'admin.volunteers.new': { zh: '添加志愿者', en: 'Add a volunteer' },
	'admin.volunteers.filters': { zh: '筛选', en: 'Filter' },
	'admin.volunteers.allCommunities': { zh: '全部社区', en: 'All communities' },
	'admin.volunteers.community': { zh: '社区', en: 'Community' },
	'admin.volunteers.search': { zh: '按姓名搜索', en: 'Search by name' },
	'admin.volunteers.apply': { zh: '查找', en: 'Search' },
	'admin.volunteers.count': { zh: '共 {n} 人', en: '{n} volunteers' },
	'admin.volunteers.limited': { zh: '只列出前 {n} 人，请按姓名搜索。', en: 'Only the first {n} are listed: search by name.' },
	'admin.volunteers.empty': { zh: '没有符合条件的志愿者。', en: 'No volunteer matches.' },
	'admin.volunteers.username': { zh: '登录用户名', en: 'Username' },
	'admin.volunteers.usernameHint': {
		zh: '字母、数字、点、下划线或连字符，2 至 64 个字符',
		en: 'Letters, digits, dot, underscore or hyphen: 2 to 64'
	},
	'admin.volunteers.name': { zh: '姓名', en: 'Name' },
	'admin.volunteers.phone': { zh: '电话', en: 'Phone' },
	'admin.volunteers.home': { zh: '住址楼栋', en: 'Home building' },
	'admin.volunteers.chooseHome': { zh: '选择楼栋', en: 'Choose a building' },
	'admin.volunteers.skills': { zh: '技能', en: 'Skills' },
	'admin.volunteers.teams': { zh: '服务队', en: 'Teams' },
	'admin.volunteers.noTeam': { zh: '没有服务该社区的服务队。', en: 'No team serves this community.' },
	'admin.volunteers.leads': { zh: '队长', en: 'leader' },
	'admin.volunteers.active': { zh: '在册', en: 'Active' },
	'admin.volunteers.inactive': { zh: '已停用', en: 'Deactivated' },
	'admin.volunteers.onDuty': { zh: '在岗', en: 'On duty' },
	'admin.volunteers.offDuty': { zh: '下班', en: 'Off duty' },
	'admin.volunteers.tasks': { zh: '进行中 {n}', en: 'Active tasks: {n}' },
	'admin.volunteers.edit': { zh: '编辑', en: 'Edit' },
	'admin.volunteers.save': { zh: '保存', en: 'Save' },
	'admin.volunteers.saving': { zh: '正在保存…', en: 'Saving…' },
	'admin.volunteers.cancel': { zh: '取消', en: 'Cancel' },
	'admin.volunteers.saved': { zh: '已保存 {name}', en: '{name} saved' },
	'admin.volunteers.added': { zh: '已添加 {name}', en: '{name} added' },
	'admin.volunteers.firstPassword': {
		zh: '{name} 的登录用户名 {username}，初始密码：',
		en: 'Username {username} for {name}, first password:'
	},
	'admin.volunteers.firstPasswordHint': {
		zh: '此密码只显示这一次。请当面交给志愿者，并提醒其登录后在“账户”页修改。',
		en: 'This password is shown only once. Hand it to the volunteer, who changes it on the account page after signing in.'
	},
	'admin.volunteers.dismiss': { zh: '我已记下', en: 'Noted' },
	'admin.volunteers.deactivate': { zh: '停用', en: 'Deactivate' },
	'admin.volunteers.reactivate': { zh: '恢复', en: 'Reactivate' },
	'admin.volunteers.confirmTitle': { zh: '停用 {name}？', en: 'Deactivate {name}?' },
	'admin.volunteers.confirmNoTasks': {
		zh: '停用后此人立即退出登录、下班，不再出现在候选人中。',
		en: 'They are signed out at once, go off duty and leave every candidate list.'
	},
	'admin.volunteers.confirmTasks': {
		zh: '此人手上还有 {n} 个进行中的工单。停用后这些工单将退回待派队列，需要重新派单。',
		en: 'They still hold {n} active tasks. Deactivating puts these back in the queue, to be assigned again.'
	},
	'admin.volunteers.confirm': { zh: '确认停用', en: 'Deactivate' },
	'admin.volunteers.confirmWithTasks': { zh: '停用并退回 {n} 个工单', en: 'Deactivate and give back {n} tasks' },
	'admin.volunteers.deactivated': { zh: '已停用 {name}', en: '{name} deactivated' },
	'admin.volunteers.released': { zh: '已停用 {name}，{n} 个工单已退回队列', en: '{name} deactivated; {n} tasks are back in the queue' },
	'admin.volunteers.reactivated': { zh: '已恢复 {name}（下班状态）', en: '{name} reactivated (off duty)' },
	'admin.volunteers.notDone': { zh: '未能完成：{reason}', en: 'Not done: {reason}' },
	'admin.volunteers.problem.username': {
		zh: '用户名只能用字母、数字、点、下划线或连字符，2 至 64 个字符。',
		en: 'The username takes letters, digits, dot, underscore or hyphen: 2 to 64.'
	},
	'admin.volunteers.problem.name': { zh: '请填写姓名（最多 80 个字）。', en: 'Give the name (at most 80 characters).' },
	'admin.volunteers.problem.phone': {
		zh: '电话只能包含数字、空格、+、- 或括号。',
		en: 'The phone takes digits, spaces, +, - or brackets.'
	},
	'admin.volunteers.problem.skills': { zh: '请至少选择一项服务目录中的技能。', en: 'Choose at least one skill of the catalogue.' },
	'admin.volunteers.problem.homeBuildingId': { zh: '请选择您范围内的住址楼栋。', en: 'Choose a home building of your area.' },
	'admin.volunteers.problem.teamIds': {
		zh: '所选服务队不服务该社区，或此人是某队队长（请先在服务队页更换队长）。',
		en: 'A team chosen does not serve this community, or they lead a team (choose another leader on the teams page first).'
	},
	'admin.volunteers.problem.conflict': { zh: '这个用户名已被使用。', en: 'That username is already taken.' },
	'admin.volunteers.problem.heldTasks': {
		zh: '此人刚刚接了新工单，请确认后再停用。',
		en: 'They took a task meanwhile: confirm again to deactivate.'
	},
	'admin.volunteers.problem.notFound': {
		zh: '找不到此志愿者：可能不在您的负责范围内。',
		en: 'This volunteer was not found: they may be outside your area.'
	},
	'admin.volunteers.problem.forbidden': { zh: '只有协调员可以管理志愿者。', en: 'Only coordinators manage volunteers.' }
});
