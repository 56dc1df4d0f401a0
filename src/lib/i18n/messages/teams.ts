import { defineMessages } from './define';

// Teams (服务队): the board's hand-over, the leader's tab and the coordinators' page.
export const teamMessages = defineMessages({
	'nav.teams': { zh: '服务队', en: 'Teams' },

	'teams.team': { zh: '服务队', en: 'Team' },
	'teams.withTeam': { zh: '等队长派给队员', en: 'Waiting for the leader to assign a member' },
	'teams.handTo': { zh: '交给服务队', en: 'Hand to a team' },
	'teams.handHint': {
		zh: '由队长从队员中派单；工单保持待派，您也仍可直接派单。',
		en: 'The leader assigns one of its members; the request stays open and you may still assign it yourself.'
	},
	'teams.choose': { zh: '选择服务队', en: 'Choose a team' },
	'teams.handButton': { zh: '交给该队', en: 'Hand over' },
	'teams.noneFits': {
		zh: '没有服务本社区、具备此项技能的启用服务队。',
		en: 'No active team serves this community with this skill.'
	},
	'teams.loading': { zh: '正在加载服务队…', en: 'Loading teams…' },
	'teams.loadError': { zh: '无法加载服务队：{message}', en: 'Could not load the teams: {message}' },
	'teams.unknown': { zh: '服务队', en: 'a team' },
	'teams.handed': { zh: '已交给 {team}', en: 'Handed to {team}' },
	'teams.notHanded': { zh: '未能交给服务队：{reason}', en: 'Not handed over: {reason}' },
	'teams.problem.hand.unprocessable': {
		zh: '该服务队现在不能接这个单：已停用、不服务本社区，或没有这项技能。',
		en: 'That team cannot take it now: inactive, not serving this community, or without the skill.'
	},
	'teams.problem.hand.conflict': {
		zh: '这个工单刚被改动过：可能已派出，或已交给服务队。',
		en: 'This request changed meanwhile: it may be assigned, or with a team already.'
	},

	'desk.title': { zh: '服务队待派', en: 'Team requests' },
	'desk.intro': { zh: '交给你们队的工单，请派给在岗的队员。', en: 'Requests handed to your team: assign them to a member on duty.' },
	'desk.notifyTitle': { zh: '服务队新工单：{type}', en: 'New team request: {type}' },
	'desk.empty': { zh: '目前没有交给你们队的待派工单。', en: 'No open requests for your team right now.' },
	'desk.loading': { zh: '正在加载服务队工单…', en: 'Loading team requests…' },
	'desk.error': { zh: '无法加载服务队工单：{message}', en: 'Could not load the team requests: {message}' },
	'desk.canTake': { zh: '可派队员', en: 'Members who can take it' },
	'desk.noMember': { zh: '暂无在岗且有此技能的队员。', en: 'No member on duty has this skill right now.' },
	'desk.assign': { zh: '派单', en: 'Assign' },
	'desk.assigned': { zh: '已派给 {name}', en: 'Assigned to {name}' },
	'desk.notAssigned': { zh: '未能派单：{reason}', en: 'Not assigned: {reason}' },
	'desk.active': { zh: '进行中 {n}', en: '{n} active' },
	'desk.waiting': { zh: '{time}提交', en: 'made {time}' },
	'desk.problem.forbidden': {
		zh: '你已不再是这个服务队的队长，或这个工单已不归你们队。',
		en: 'You no longer lead this team, or the request is no longer with it.'
	},
	'desk.problem.unprocessable': {
		zh: '这位队员现在不能接：已下班、没有这项技能，或已不在队里。',
		en: 'This member cannot take it now: off duty, without the skill, or no longer in the team.'
	},
	'desk.problem.conflict': { zh: '这个工单刚被派出或改动过。', en: 'This request was assigned or changed meanwhile.' },

	'admin.teams.title': { zh: '服务队管理', en: 'Teams' },
	'admin.teams.intro': {
		zh: '在您负责的范围内新建和编辑服务队。队长从队员中选；技能来自服务目录；所属社区总在服务社区之中。',
		en: 'Add and edit the teams of your area. The leader is one of the members; skills come from the service catalogue; a team always serves its own community.'
	},
	'admin.teams.new': { zh: '新建服务队', en: 'New team' },
	'admin.teams.edit': { zh: '编辑', en: 'Edit' },
	'admin.teams.empty': { zh: '您的范围内还没有服务队。', en: 'There are no teams in your area yet.' },
	'admin.teams.name': { zh: '队名', en: 'Name' },
	'admin.teams.community': { zh: '所属社区', en: 'Community' },
	'admin.teams.serves': { zh: '服务社区', en: 'Communities served' },
	'admin.teams.skills': { zh: '技能', en: 'Skills' },
	'admin.teams.members': { zh: '队员（已选 {n}）', en: 'Members ({n} chosen)' },
	'admin.teams.memberCount': { zh: '{n} 人', en: '{n} members' },
	'admin.teams.memberSearch': { zh: '按姓名、社区或技能筛选', en: 'Filter by name, community or skill' },
	'admin.teams.noVolunteer': { zh: '没有符合的志愿者。', en: 'No volunteer matches.' },
	'admin.teams.leader': { zh: '队长', en: 'Leader' },
	'admin.teams.chooseLeader': { zh: '先勾选队员，再从中选队长', en: 'Choose members first, then the leader among them' },
	'admin.teams.active': { zh: '启用（停用后不再接新工单）', en: 'Active (an inactive team takes no new requests)' },
	'admin.teams.inactive': { zh: '已停用', en: 'Inactive' },
	'admin.teams.save': { zh: '保存', en: 'Save' },
	'admin.teams.saving': { zh: '正在保存…', en: 'Saving…' },
	'admin.teams.cancel': { zh: '取消', en: 'Cancel' },
	'admin.teams.saved': { zh: '已保存 {name}', en: '{name} saved' },
	'admin.teams.outside': {
		zh: '另有 {members} 位队员、{communities} 个服务社区在您的范围以外，保持不变。',
		en: '{members} members and {communities} communities served lie outside your area and stay as they are.'
	},
	'admin.teams.readOnly': { zh: '属于其他范围，只能查看', en: 'Of another area: read only' },
	'admin.teams.problem.summary': {
		zh: '有几项需要修改，请按栏目下方的提示修改。',
		en: 'Some fields need fixing; see the notes under them.'
	},
	'admin.teams.problem.name': { zh: '请填写队名（最多 40 个字）。', en: 'Give a name (at most 40 characters).' },
	'admin.teams.problem.communityId': { zh: '请选择所属社区。', en: 'Choose the team’s community.' },
	'admin.teams.problem.leaderVolunteerId': { zh: '请从已选队员中选一位队长。', en: 'Choose the leader among the chosen members.' },
	'admin.teams.problem.memberIds': {
		zh: '请至少选一位队员；已停用或不在您范围内的志愿者不能加入。',
		en: 'Choose at least one member; volunteers who are inactive or outside your area cannot join.'
	},
	'admin.teams.problem.skills': { zh: '请至少选一项服务目录中的技能。', en: 'Choose at least one skill of the catalogue.' },
	'admin.teams.problem.communityIds': { zh: '服务社区须在您负责的范围内。', en: 'The communities served must be in your area.' },
	'admin.teams.problem.conflict': { zh: '本社区已有同名服务队，请换个名字。', en: 'This community already has a team of that name.' },
	'admin.teams.problem.forbidden': { zh: '所选社区不在您负责的范围内。', en: 'That community is outside your area.' },
	'admin.teams.problem.notFound': { zh: '这个服务队已不在您的范围内。', en: 'This team is no longer in your area.' }
});
