/**
 * What recommendations and actions say, per theme. Written in the register of real DHR action plans
 * (see DOMAIN.md): a recommendation names an agency and what must change; an action says what will
 * be done. Most phrasings use the theme's keywords from data/themes.json, so the keyword tagger finds
 * them; about one in five deliberately does not (real reports paraphrase), so auto-tagging is
 * imperfect as it is on real text.
 *
 * Placeholders, filled by compose-*.ts: {staff} the agency's staff (plural), {short} how the agency
 * is referred to again ('the force'), {county} the county name, {n} a small number.
 */
import type { AgencyKind } from './agencies';

/** A phrase, optionally only for some kinds of agency (e.g. only police send officers to incidents). */
export type Phrase = string | { text: string; kinds: readonly AgencyKind[] };

/** What an action produces; chooses the wording of its evidence when completed. */
export type ActionKind = 'training' | 'policy' | 'audit' | 'system' | 'briefing' | 'pathway' | 'campaign' | 'report';

export interface ActionPhrase {
	text: string;
	kind: ActionKind;
	kinds?: readonly AgencyKind[];
}

export interface ThemeWording {
	/** Completes "X should ensure that ...": a clause with its own subject. */
	that: readonly Phrase[];
	/** Completes "X should ...": a verb phrase. */
	verb: readonly Phrase[];
	/** Completes "The Home Office should ...": for national recommendations; absent = theme not national. */
	national?: readonly string[];
	actions: readonly ActionPhrase[];
}

const POLICE: AgencyKind[] = ['police'];
const HEALTH: AgencyKind[] = ['gp', 'mental_health', 'hospital', 'ambulance'];

export const THEME_WORDING: Record<string, ThemeWording> = {
	risk_assessment: {
		that: [
			{ text: 'officers attending domestic abuse incidents complete a DASH risk assessment with the victim seen alone, and that the supervisor reviews the risk level before the end of the shift', kinds: POLICE },
			'{staff} complete the DASH risk checklist whenever domestic abuse is disclosed, and revisit it when circumstances change',
			'an escalation of risk, such as a threat to kill or a recent separation, leads {staff} to review the risk level the same day',
			'the professional judgement of {staff} is recorded alongside the risk assessment score, so that a victim is not graded below high risk on the number of ticks alone',
			'the danger a victim faces is reassessed whenever new information about threats, weapons or strangulation comes to light'
		],
		verb: [
			'review how its {staff} use the DASH risk checklist, so that risk identification does not depend on the victim answering every question',
			'introduce a second-line check of every standard and medium risk assessment where the victim has called more than twice in a year',
			'make sure that a change in the victim\'s situation triggers a fresh look at how dangerous the situation has become'
		],
		national: [
			'work with specialist domestic abuse organisations to update the national risk assessment tools so that they capture coercive control, stalking and the escalation of risk after separation'
		],
		actions: [
			{ text: 'Deliver refreshed DASH training to all response officers', kind: 'training', kinds: POLICE },
			{ text: 'Add a supervisor check of the risk level to the domestic abuse incident workflow', kind: 'system', kinds: POLICE },
			{ text: 'Deliver refreshed DASH risk assessment training to {staff}', kind: 'training' },
			{ text: 'Audit {n} DASH risk assessments completed by {staff} for quality and use of professional judgement', kind: 'audit' },
			{ text: 'Update the domestic abuse procedure to require a review of the risk assessment after any escalation of risk', kind: 'policy' },
			{ text: 'Issue a practice note on threats to kill, strangulation and separation as markers of high risk', kind: 'briefing' }
		]
	},
	marac: {
		that: [
			'every victim assessed as high risk is referred to the MARAC within the agreed timescale, and that {staff} attend when invited',
			'a repeat referral to the MARAC is made whenever a further incident occurs within twelve months of the last listing',
			'{staff} can refer a case to the Multi-Agency Risk Assessment Conference on professional judgement, even when the risk score is below the threshold',
			'actions agreed at the MARAC are followed up and their completion recorded before the case is closed',
			'cases discussed at the multi-agency meeting have a named person responsible for each agreed action'
		],
		verb: [
			'review its MARAC referral pathway so that referrals on professional judgement and repeat referrals are understood by {staff}',
			'make sure that it is represented at every MARAC by someone able to commit the agency to actions'
		],
		national: ['publish minimum standards for MARAC, including how repeat referrals and referrals on professional judgement are handled'],
		actions: [
			{ text: 'Issue guidance to {staff} on referral to MARAC on professional judgement', kind: 'briefing' },
			{ text: 'Audit MARAC referrals over six months to check that repeat referrals are identified', kind: 'audit' },
			{ text: 'Nominate a MARAC representative and deputy with authority to agree actions', kind: 'pathway' },
			{ text: 'Add MARAC actions to the case management system so that open actions are visible', kind: 'system' },
			{ text: 'Review the MARAC operating protocol with the MARAC steering group', kind: 'policy' }
		]
	},
	information_sharing: {
		that: [
			'{staff} share information with partner agencies when they have a concern about domestic abuse, and understand that consent is not needed where there is a risk of serious harm',
			'information sharing with GPs and other health professionals happens within one working day of an incident where the victim is assessed as high risk',
			'the sharing of information about the perpetrator\'s history is not delayed by uncertainty about consent to share',
			'{staff} know the legal gateways for data sharing and use the agreed information-sharing protocol',
			'what one agency knows about the abuse reaches the other agencies working with the family in time to act on it'
		],
		verb: [
			'review its information sharing arrangements with partner agencies so that concerns about domestic abuse are passed on promptly',
			'agree with partners a single information-sharing protocol for domestic abuse cases and promote it to {staff}'
		],
		national: [
			'clarify in statutory guidance when information can be shared without consent in domestic abuse cases, so that agencies share information where there is a risk of serious harm'
		],
		actions: [
			{ text: 'Refresh the multi-agency information sharing protocol and relaunch it to {staff}', kind: 'policy' },
			{ text: 'Deliver a briefing to {staff} on sharing information without consent where there is a risk of serious harm', kind: 'briefing' },
			{ text: 'Agree a standard notification to GPs after every high-risk domestic abuse incident', kind: 'pathway' },
			{ text: 'Audit {n} cases to test whether information was shared with partner agencies in time', kind: 'audit' },
			{ text: 'Publish a one-page guide to consent to share and the legal gateways', kind: 'briefing' }
		]
	},
	professional_curiosity: {
		that: [
			{ text: '{staff} show professional curiosity when a patient presents with injuries or repeated minor complaints, and look beyond the presenting issue', kinds: HEALTH },
			'{staff} show professional curiosity when what they see does not match what they are told, and look beyond the presenting issue',
			'{staff} are curious about who else lives in the household and what the relationship is like, and think family',
			'{staff} practise respectful uncertainty when an explanation of an injury does not fit, rather than accepting the first account',
			'{staff} ask further questions when a partner insists on attending every appointment or answers on the victim\'s behalf',
			'the wider picture of what is happening at home is explored, not only the reason for the contact'
		],
		verb: [
			'embed professional curiosity in supervision so that {staff} are challenged to look beyond the presenting need',
			'develop practice guidance on professional curiosity and think family approaches for {staff}'
		],
		actions: [
			{ text: 'Deliver professional curiosity workshops to {staff}', kind: 'training' },
			{ text: 'Add prompts on professional curiosity to the supervision template', kind: 'policy' },
			{ text: 'Publish a seven-minute briefing on professional curiosity drawn from this review', kind: 'briefing' },
			{ text: 'Audit {n} case files for evidence of think family practice', kind: 'audit' }
		]
	},
	coercive_control: {
		that: [
			'{staff} recognise coercive and controlling behaviour, including isolation from friends and family and control of daily life, as domestic abuse even where there is no physical violence',
			'incidents where the only evidence is controlling behaviour are recorded as domestic abuse and investigated as possible coercive control offences',
			'{staff} understand coercion as a pattern of behaviour rather than a series of separate incidents',
			'a pattern of isolation, monitoring and control is recognised as abuse and acted on, even where no assault has been reported'
		],
		verb: [
			'train {staff} to recognise coercive control and to record the pattern of behaviour rather than single incidents',
			{ text: 'review its investigation of controlling or coercive behaviour offences, so that officers gather evidence of the pattern of abuse', kinds: POLICE }
		],
		national: ['issue updated guidance on coercive control so that agencies recognise controlling behaviour after separation as well as within a relationship'],
		actions: [
			{ text: 'Deliver coercive control training to {staff}', kind: 'training' },
			{ text: 'Review a sample of {n} coercive control investigations with the Crown Prosecution Service', kind: 'audit', kinds: POLICE },
			{ text: 'Include coercive and controlling behaviour in the domestic abuse policy and practice guidance', kind: 'policy' },
			{ text: 'Issue a briefing on recognising coercive control without physical violence', kind: 'briefing' }
		]
	},
	routine_enquiry: {
		that: [
			'{staff} ask about domestic abuse routinely, with the person seen alone, and record that the question was asked',
			{ text: 'patients presenting with injuries, anxiety or low mood are asked about domestic abuse by selective enquiry, seen on their own without a partner present', kinds: HEALTH },
			'people showing signs of abuse are asked about domestic abuse by selective enquiry, seen on their own without a partner present',
			'routine enquiry about domestic abuse is part of every assessment, and that a partner or relative is never used to interpret',
			'victims have a safe opportunity, away from their partner, to say what is happening at home'
		],
		verb: [
			'introduce routine enquiry about domestic abuse into its assessments, with guidance for {staff} on seeing people alone',
			'make selective enquiry part of standard practice where there are indicators of abuse'
		],
		actions: [
			{ text: 'Add a routine enquiry question on domestic abuse to the assessment template', kind: 'system' },
			{ text: 'Deliver training to {staff} on how to ask about domestic abuse safely', kind: 'training' },
			{ text: 'Audit {n} records for evidence that patients were asked about domestic abuse and seen alone', kind: 'audit', kinds: HEALTH },
			{ text: 'Issue guidance that the person must be seen alone for part of every appointment', kind: 'policy' }
		]
	},
	mental_health: {
		that: [
			'{staff} recognise the links between domestic abuse, depression and suicide, and ask about abuse when someone presents with suicidal thoughts or self-harm',
			'a victim who discloses suicidal thoughts is referred to the crisis team the same day and a safety plan is agreed',
			{ text: 'mental health assessments consider whether the patient is experiencing or perpetrating domestic abuse', kinds: ['mental_health', 'gp', 'hospital'] },
			'{staff} know how to get urgent mental health help for a victim in crisis',
			{ text: 'a patient who self-harms is asked about their relationship and home life before discharge', kinds: ['hospital', 'mental_health', 'ambulance'] },
			'when a victim\'s low mood is linked to what is happening at home, the abuse is addressed as well as the symptoms'
		],
		verb: [
			'strengthen its response to suicide risk in victims of domestic abuse, including a referral route to the crisis team',
			'ensure its suicide prevention plan recognises domestic abuse as a risk factor',
			{ text: 'review the psychiatric liaison pathway so that domestic abuse is considered when a patient attends after self-harm', kinds: ['hospital', 'mental_health'] }
		],
		national: ['include domestic abuse as a named risk factor in the national suicide prevention strategy, and fund research on suicide following domestic abuse'],
		actions: [
			{ text: 'Add domestic abuse to the mental health assessment and suicide risk templates', kind: 'system' },
			{ text: 'Deliver joint training on domestic abuse and suicide risk to {staff}', kind: 'training' },
			{ text: 'Agree a referral pathway from {short} to the crisis team for victims with suicidal thoughts', kind: 'pathway' },
			{ text: 'Audit {n} cases of self-harm presentations for enquiry about domestic abuse', kind: 'audit' },
			{ text: 'Contribute to the county suicide prevention plan a section on domestic abuse', kind: 'policy' }
		]
	},
	substance_misuse: {
		that: [
			'{staff} consider domestic abuse when working with people who misuse alcohol or drugs, and do not see the substance misuse as the only problem',
			'people with a dual diagnosis of mental ill health and substance misuse are not excluded from services because of their drinking or drug use',
			'the recovery service and domestic abuse services agree a joint approach when both the victim and perpetrator are using alcohol',
			'a victim\'s drinking is not treated as a reason to close the case or to see the risk as lower'
		],
		verb: [
			'develop a joint protocol with the recovery service for cases where alcohol or drug use and domestic abuse occur together',
			'make sure that a relapse in alcohol use by a known perpetrator leads to a review of the risk to the partner'
		],
		national: ['ensure that commissioning guidance for drug and alcohol treatment requires services to identify and respond to domestic abuse'],
		actions: [
			{ text: 'Agree a joint working protocol between the recovery service and the IDVA service', kind: 'pathway' },
			{ text: 'Deliver training on domestic abuse and substance misuse to {staff}', kind: 'training' },
			{ text: 'Add a domestic abuse question to the alcohol and drug assessment', kind: 'system', kinds: ['recovery'] },
			{ text: 'Audit {n} cases where clients were discharged for non-engagement', kind: 'audit' }
		]
	},
	record_keeping: {
		that: [
			'records of every contact with a victim of domestic abuse include who was present, what was disclosed and what action was taken',
			'{staff} keep accurate case notes, including the details of third parties such as a partner who attends with the victim',
			'decisions not to take further action are documented with the reasons, and that the documentation is checked in supervision',
			'the record keeping of {staff} meets the standard set in the agency\'s domestic abuse policy',
			'the reasons for closing a case are written down clearly enough for the next professional to understand them'
		],
		verb: [
			'improve the quality of its records in domestic abuse cases, including the recording of third parties',
			'audit its recording of domestic abuse disclosures and act on the findings'
		],
		actions: [
			{ text: 'Audit {n} case records against the recording standard', kind: 'audit' },
			{ text: 'Issue a recording standard for domestic abuse contacts to {staff}', kind: 'policy' },
			{ text: 'Include record keeping in the domestic abuse training for {staff}', kind: 'training' },
			{ text: 'Add a prompt to record who was present at each contact', kind: 'system' }
		]
	},
	case_systems: {
		that: [
			'its case management system carries a flag when a person is a known victim or perpetrator of domestic abuse, and that the flag is visible to every practitioner who opens the record',
			'an alert is added to the electronic record of any address where a high-risk victim lives',
			'a marker on the system shows that the patient has been discussed at MARAC, and that it is reviewed when the case closes',
			'the IT system links records of the same person held under different spellings or addresses',
			'a practitioner opening a case can see at once that there is a history of abuse at the address'
		],
		verb: [
			'review its IT systems so that domestic abuse flags follow the person when they move between teams',
			'make sure that alerts on its electronic records are accurate, reviewed and removed when no longer needed'
		],
		national: ['make sure that the national police database and the probation case management system share domestic abuse markers'],
		actions: [
			{ text: 'Introduce a domestic abuse flag on the case management system', kind: 'system' },
			{ text: 'Run a data-quality exercise to review existing alerts and markers', kind: 'audit' },
			{ text: 'Configure the electronic record so that the MARAC marker is visible on opening', kind: 'system' },
			{ text: 'Issue guidance to {staff} on adding and reviewing flags', kind: 'briefing' }
		]
	},
	housing: {
		that: [
			'victims of domestic abuse who approach as homeless are offered safe accommodation and are not asked to prove the abuse',
			'{staff} consider a transfer or a sole tenancy for a victim who cannot remain safely in the home',
			'refuge referrals are made promptly and alternatives found when no refuge space is available',
			'{staff} recognise that a request to move, rent arrears or damage to the property may be signs of domestic abuse',
			'a victim who wants to leave is helped to find somewhere safe to live without delay'
		],
		verb: [
			'achieve accreditation with the Domestic Abuse Housing Alliance and train {staff} to the standard',
			'review its allocations and homelessness policy so that victims of domestic abuse are given priority for accommodation',
			{ text: 'work with private landlords so that they know how to respond when a tenant discloses domestic abuse', kinds: ['housing', 'partnership'] }
		],
		national: ['review the homelessness code of guidance so that victims of domestic abuse are not required to provide evidence before being given safe accommodation'],
		actions: [
			{ text: 'Complete Domestic Abuse Housing Alliance accreditation', kind: 'policy', kinds: ['housing'] },
			{ text: 'Train {staff} to recognise and respond to domestic abuse in tenancy work', kind: 'training' },
			{ text: 'Agree a protocol with the refuge provider for urgent placements', kind: 'pathway' },
			{ text: 'Revise the allocations policy to give priority to victims of domestic abuse', kind: 'policy' }
		]
	},
	children_safeguarding: {
		that: [
			'when domestic abuse is reported in a household with children, a referral is made to Children\'s Services and the school is told through the notification scheme',
			'{staff} think about the child\'s experience of domestic abuse and record the views of the children',
			'the needs of young people living with domestic abuse are assessed in their own right',
			'assessments of families where there is domestic abuse consider the risk posed by the perpetrator, not only the protective capacity of the victim',
			'the impact on sons and daughters of what is happening between the adults is always considered'
		],
		verb: [
			'strengthen its response to children living with domestic abuse, including notification to schools',
			'review how it assesses the risk to children in families where a parent is a perpetrator of domestic abuse'
		],
		actions: [
			{ text: 'Relaunch the school notification scheme for domestic abuse incidents', kind: 'pathway' },
			{ text: 'Deliver training to {staff} on the impact of domestic abuse on children', kind: 'training' },
			{ text: 'Audit {n} child and family assessments where domestic abuse was a factor', kind: 'audit' },
			{ text: 'Update the children and families procedure on domestic abuse', kind: 'policy' }
		]
	},
	older_carers: {
		that: [
			'{staff} recognise that older people can be victims of domestic abuse, including by adult children who are also their carers',
			'a carer\'s assessment considers carer stress and the risk of abuse, and is offered to every carer of an adult with care needs',
			'abuse of an older person by an adult family member is responded to as domestic abuse, and not only as a safeguarding concern under the Care Act',
			'elderly victims are offered specialist domestic abuse support and not only social care',
			'a parent living with an adult son or daughter who is violent is recognised as at risk, and helped'
		],
		verb: [
			'develop guidance for {staff} on domestic abuse of older people and adult family violence',
			'make sure that carer\'s assessments consider the risk of abuse in both directions'
		],
		national: ['issue guidance on adult family homicide, including the abuse of older parents by adult children'],
		actions: [
			{ text: 'Deliver training on adult family violence and abuse of older people to {staff}', kind: 'training' },
			{ text: 'Update the carer\'s assessment to include questions about abuse', kind: 'policy' },
			{ text: 'Publish a practice briefing on older victims of domestic abuse', kind: 'briefing' },
			{ text: 'Audit {n} safeguarding enquiries involving adult family members', kind: 'audit', kinds: ['adult_social_care'] }
		]
	},
	stalking: {
		that: [
			'{staff} recognise stalking and harassment by a former partner as a high-risk behaviour, and use the stalking screening tool',
			'reports of stalking are investigated as a course of conduct and not as separate incidents of harassment',
			'victims are told about stalking protection orders and supported to apply',
			'repeated unwanted contact after separation, including following the victim and turning up at work, is treated as a sign of serious danger'
		],
		verb: [
			'improve its response to stalking, including the use of stalking protection orders',
			'commission a specialist stalking advocacy service and make sure {staff} know how to refer to it'
		],
		national: ['review the use of stalking protection orders and issue guidance on their use after separation'],
		actions: [
			{ text: 'Deliver stalking and harassment training to {staff}', kind: 'training' },
			{ text: 'Introduce the stalking screening tool', kind: 'policy' },
			{ text: 'Appoint a stalking lead and review the use of stalking protection orders', kind: 'pathway', kinds: POLICE },
			{ text: 'Agree a referral pathway to the specialist stalking advocacy service', kind: 'pathway' }
		]
	},
	economic_abuse: {
		that: [
			'{staff} recognise economic abuse, including control of money, benefits and debt, as part of the pattern of domestic abuse',
			'financial abuse of a victim by a partner or family member is identified and responded to',
			'victims are referred to specialist advice about debt and financial control',
			'a victim who has no access to her own bank account or income is recognised as being at risk'
		],
		verb: [
			'develop guidance for {staff} on economic abuse and where to refer',
			'work with local banks and advice services to improve the response to financial abuse'
		],
		national: ['ensure that the benefits system can identify and respond to economic abuse, including through split payments of Universal Credit'],
		actions: [
			{ text: 'Deliver a briefing on economic abuse to {staff}', kind: 'briefing' },
			{ text: 'Agree a referral pathway to specialist debt and money advice', kind: 'pathway' },
			{ text: 'Include financial control in the domestic abuse policy', kind: 'policy' }
		]
	},
	perpetrator_management: {
		that: [
			'a perpetrator\'s history of domestic abuse with previous partners is considered when setting bail conditions and when assessing risk',
			'perpetrators who meet the criteria are managed through MAPPA or the local high-harm perpetrator scheme',
			'the Domestic Violence Disclosure Scheme (Clare\'s Law) is used proactively where a new partner may be at risk',
			'offenders with a history of domestic abuse are referred to a behaviour change programme',
			'the person causing harm is identified and work is done with them, rather than leaving the victim to manage the risk'
		],
		verb: [
			'strengthen its management of domestic abuse perpetrators, including referral to a behaviour change programme',
			{ text: 'review how officers apply for and monitor bail conditions in domestic abuse cases', kinds: POLICE }
		],
		national: ['fund perpetrator behaviour change programmes across England and Wales, and evaluate them'],
		actions: [
			{ text: 'Review the use of the Domestic Violence Disclosure Scheme', kind: 'audit' },
			{ text: 'Commission a perpetrator behaviour change programme', kind: 'pathway', kinds: ['partnership', 'probation', 'national'] },
			{ text: 'Introduce a high-harm perpetrator panel', kind: 'pathway', kinds: ['police', 'probation', 'partnership'] },
			{ text: 'Deliver training on perpetrator risk to {staff}', kind: 'training' },
			{ text: 'Audit {n} cases for use of bail conditions in domestic abuse', kind: 'audit', kinds: POLICE }
		]
	},
	equality_diversity: {
		that: [
			'a professional interpreter is used whenever the victim\'s first language is not English, and that a partner or relative is never used to interpret',
			'{staff} understand how culture, disability, sexuality and immigration status can be barriers to seeking help',
			'services are accessible to victims from minoritised communities and to victims with a disability',
			'the needs of LGBT victims of domestic abuse are understood and met',
			'a victim who speaks little English can talk to professionals without the abuser present'
		],
		verb: [
			'review the accessibility of its services to victims from diverse communities and act on the findings',
			'make sure {staff} use professional interpreters and understand cultural barriers to disclosure'
		],
		national: ['ensure that victims with no recourse to public funds can get safe accommodation and support'],
		actions: [
			{ text: 'Issue guidance on use of professional interpreters', kind: 'policy' },
			{ text: 'Deliver cultural competence training to {staff}', kind: 'training' },
			{ text: 'Engage with community groups to improve access for minoritised victims', kind: 'campaign' },
			{ text: 'Complete an equality impact assessment of the domestic abuse service', kind: 'audit' }
		]
	},
	workforce_training: {
		that: [
			'all {staff} complete domestic abuse training appropriate to their role, refreshed every three years',
			'domestic abuse e-learning is mandatory for new {staff} and completion is monitored',
			'the learning from this review is shared with {staff} through a briefing',
			'{staff} know how to recognise domestic abuse and what to do about it'
		],
		verb: [
			'include domestic abuse in its mandatory training and monitor completion',
			'develop its workforce development plan so that {staff} receive domestic abuse training at the right level'
		],
		national: ['require domestic abuse training in the qualifying training of doctors, nurses, social workers and police officers'],
		actions: [
			{ text: 'Make domestic abuse e-learning mandatory for {staff}', kind: 'training' },
			{ text: 'Deliver a learning event on this review to {staff}', kind: 'briefing' },
			{ text: 'Report training completion rates to the board each quarter', kind: 'report' }
		]
	},
	public_awareness: {
		that: [
			'friends, family, neighbours and colleagues know how to recognise domestic abuse and where to get help',
			'awareness of domestic abuse services is raised in the community, including in workplaces',
			'employers in {county} have domestic abuse policies and know how to support employees',
			'people who are worried about someone close to them know what to do'
		],
		verb: [
			'run a public awareness campaign on recognising domestic abuse, aimed at friends and family',
			'work with employers to develop workplace domestic abuse policies'
		],
		national: ['run a national campaign to raise public awareness of coercive control and where to get help'],
		actions: [
			{ text: 'Run a public awareness campaign aimed at friends and family', kind: 'campaign' },
			{ text: 'Develop a workplace domestic abuse policy and toolkit for employers', kind: 'policy' },
			{ text: 'Train community champions in local community groups', kind: 'training' },
			{ text: 'Publish the domestic abuse helpline on community noticeboards and social media', kind: 'campaign' }
		]
	},
	review_governance: {
		that: [
			'the action plan from this review is monitored by the partnership board until every action is complete',
			'the commissioning of reviews follows the statutory guidance and the review process is completed without delay',
			'actions are signed off as complete only on evidence, not on self-report',
			'the lessons from this review are followed through, with regular updates to the board'
		],
		verb: [
			'monitor the action plan from this review and report progress to the partnership board each quarter',
			'review its governance of domestic homicide reviews, including the commissioning process and timescales'
		],
		national: [
			'establish a national repository of domestic homicide reviews and analyse their recommendations',
			'improve the timeliness of Home Office quality assurance of domestic homicide reviews'
		],
		actions: [
			{ text: 'Report progress on the action plan to the partnership board', kind: 'report' },
			{ text: 'Review the DHR commissioning process and timescales', kind: 'policy' },
			{ text: 'Hold an evidence-based assurance session on completed actions', kind: 'audit' }
		]
	}
};
