/** The views of the app, in the order of the main navigation. */
export const VIEWS = [
	{ path: '/', label: 'Overview', description: 'Headline figures and themes by year' },
	{ path: '/themes', label: 'Themes', description: 'Which themes recur, rise and fall, and appear together' },
	{ path: '/changes', label: 'Kinds of change', description: 'What kind of change recommendations ask for, by year, by agency and by theme' },
	{ path: '/agencies', label: 'Agencies', description: 'Recommendations and actions by agency: completion, timeliness, backlog' },
	{ path: '/status', label: 'Completion', description: 'How fast action plans are completed, and the open backlog over time' },
	{ path: '/actions', label: 'Overdue actions', description: 'Open actions past their target date, for whom and by how long' },
	{ path: '/reviews', label: 'Reviews', description: 'Every review, its recommendations, actions and timeline' },
	{ path: '/lessons', label: 'Repeated lessons', description: 'Lessons made again and again across reviews, and whether they were acted on' },
	{ path: '/compare', label: 'Local and national', description: 'Case factors of local reviews against the national DHRD, with confidence intervals' },
	{ path: '/report', label: 'Board report', description: 'A printable report for a board meeting under the current filters' },
	{ path: '/import', label: 'Import', description: 'Load your own action trackers and review data' },
	{ path: '/query', label: 'SQL', description: 'Ask your own questions of the data in SQL' },
	{ path: '/data', label: 'Data', description: 'The loaded dataset and its data dictionary' }
] as const;
export type ViewPath = (typeof VIEWS)[number]['path'];
