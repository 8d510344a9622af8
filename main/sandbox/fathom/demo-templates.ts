// What the demo meetings are about: titles, people, action items and summary text. Times and ids
// are laid out by demo-meetings.ts; this file is only the content.
import { FATHOM_DEMO_PERSON } from './clients.ts';

export interface DemoPerson {
  name: string;
  email: string;
  team: string | null;
}

export interface DemoActionItem {
  description: string;
  /** null: nobody was assigned. */
  assignee: DemoPerson | null;
  completed: boolean;
  userGenerated: boolean;
  /** Seconds into the recording. */
  at: number;
}

export interface DemoTemplate {
  title: string;
  meetingTitle: string | null;
  minutes: number;
  recordedBy: DemoPerson;
  invitees: readonly DemoPerson[];
  actionItems: readonly DemoActionItem[];
  templateName: string;
  purpose: string;
  takeaways: readonly string[];
}

const ada: DemoPerson = {
  name: FATHOM_DEMO_PERSON.name,
  email: FATHOM_DEMO_PERSON.email,
  team: FATHOM_DEMO_PERSON.team,
};
const tomas: DemoPerson = {
  name: 'Tomás Rivera',
  email: 'tomas.rivera@example.com',
  team: 'Product',
};
const priya: DemoPerson = { name: 'Priya Raman', email: 'priya.raman@example.com', team: 'Design' };
const marcus: DemoPerson = {
  name: 'Marcus Lindqvist',
  email: 'marcus.lindqvist@example.com',
  team: 'Engineering',
};
const lena: DemoPerson = {
  name: 'Lena Hoffmann',
  email: 'lena.hoffmann@example.com',
  team: 'Design',
};
const dana: DemoPerson = { name: 'Dana Park', email: 'dana.park@globex.example', team: null };
const joanna: DemoPerson = {
  name: 'Joanna Okoye',
  email: 'joanna.okoye@initech.example',
  team: null,
};
const wei: DemoPerson = { name: 'Wei Chen', email: 'wei.chen@umbrella.example', team: null };
const sofia: DemoPerson = { name: 'Sofía Martín', email: 'sofia.martin@hooli.example', team: null };

const item = (
  description: string,
  assignee: DemoPerson | null,
  at: number,
  completed = false,
  userGenerated = false,
): DemoActionItem => ({ description, assignee, completed, userGenerated, at });

/** The first 8 are recent (cycled when more are asked for); the last 2 are older than 7 days. */
export const RECENT_TEMPLATES: readonly DemoTemplate[] = [
  {
    title: 'Globex renewal: pricing follow-up',
    meetingTitle: 'Globex renewal – Q1',
    minutes: 32,
    recordedBy: ada,
    invitees: [ada, dana, tomas],
    actionItems: [
      item('Send Globex the revised pricing sheet', ada, 1274),
      item('Confirm the legal review date with Globex procurement', dana, 1502),
      item('Share the SSO rollout timeline', ada, 1710, true),
    ],
    templateName: 'Sales Call',
    purpose: 'Agree on pricing for the Globex renewal before their budget freeze.',
    takeaways: [
      'Globex wants a two-year term if the per-seat price stays flat.',
      'SSO is a must-have for their security team.',
      'Legal review can start once the pricing sheet is final.',
    ],
  },
  {
    title: 'Weekly product sync',
    meetingTitle: 'Product sync',
    minutes: 45,
    recordedBy: ada,
    invitees: [ada, tomas, priya, marcus],
    actionItems: [
      item('Write the release notes draft for 2.4', ada, 604),
      item('Fix the flaky calendar import test', marcus, 1190),
      item('Book the usability sessions for next week', priya, 1833, true),
      item('Update the roadmap slide with the Fathom milestone', ada, 2410, true, true),
    ],
    templateName: 'General',
    purpose: 'Check progress on release 2.4 and decide what slips.',
    takeaways: [
      'Release 2.4 stays on track; offline mode moves to 2.5.',
      'The calendar import test fails about once a day on CI.',
      'Usability sessions will focus on the tray menu.',
    ],
  },
  {
    title: 'Design review: tray notifications',
    meetingTitle: 'Design review',
    minutes: 28,
    recordedBy: tomas,
    invitees: [tomas, ada, lena, priya],
    actionItems: [
      item("Mock up the 'Notes ready' tray entry", ada, 845),
      item('Check the contrast of the dark theme badges', lena, 1320),
    ],
    templateName: 'General',
    purpose: 'Review the notification designs for the tray menu.',
    takeaways: [
      'Notifications stay silent by default; the tray entry is enough.',
      'Badges need more contrast in the dark theme.',
    ],
  },
  {
    title: 'Initech onboarding kickoff',
    meetingTitle: 'Initech × Example – kickoff',
    minutes: 50,
    recordedBy: ada,
    invitees: [ada, joanna, marcus],
    actionItems: [
      item('Send the list of admins to invite', joanna, 912),
      item('Schedule the admin training for the first week', ada, 2204),
    ],
    templateName: 'Customer Onboarding',
    purpose: 'Kick off the Initech rollout and agree on the first month.',
    takeaways: [
      'Initech rolls out to 120 people in two waves.',
      'Their IT team wants a training session before the first wave.',
    ],
  },
  {
    title: 'Ada / Marcus 1:1',
    meetingTitle: '1:1',
    minutes: 25,
    recordedBy: ada,
    invitees: [ada, marcus],
    actionItems: [],
    templateName: 'One-on-One',
    purpose: 'Regular check-in.',
    takeaways: [
      'Marcus would like to own the sync engine next quarter.',
      'On-call load is fine since the alert clean-up.',
    ],
  },
  {
    title: 'Hiring debrief: senior frontend engineer',
    meetingTitle: 'Debrief – frontend candidate',
    minutes: 30,
    recordedBy: priya,
    invitees: [priya, ada, marcus],
    actionItems: [item('Send the candidate feedback to the recruiter', priya, 1540, true)],
    templateName: 'Interview',
    purpose: 'Decide on the senior frontend candidate.',
    takeaways: [
      'Strong on accessibility and testing; lighter on Electron.',
      'The panel leans towards an offer.',
    ],
  },
  {
    title: 'Umbrella security questionnaire walkthrough',
    meetingTitle: 'Umbrella – security review',
    minutes: 55,
    recordedBy: ada,
    invitees: [ada, wei, marcus],
    actionItems: [
      item('Answer section 4 (data retention)', ada, 733),
      item('Attach the penetration test summary', marcus, 1980),
      item('Decide who owns the DPA update', null, 2890),
    ],
    templateName: 'General',
    purpose: "Walk through Umbrella's security questionnaire together.",
    takeaways: [
      'Tokens never leave the device; Umbrella was satisfied with that answer.',
      'They need the data processing agreement updated before signing.',
    ],
  },
  {
    title: 'Sprint planning: week 49',
    meetingTitle: 'Sprint planning',
    minutes: 40,
    recordedBy: tomas,
    invitees: [tomas, ada, marcus, lena, priya],
    actionItems: [
      item('Split the Fathom provider epic into tickets', ada, 420),
      item('Estimate the keychain migration', marcus, 1105),
      item('Prepare the icons for the notes section', lena, 1650, true),
      item('Invite the support team to the demo', tomas, 2260),
    ],
    templateName: 'General',
    purpose: 'Plan the sprint for week 49.',
    takeaways: [
      'The sprint goal is Fathom notes in the window.',
      'The keychain migration needs an estimate before it is scheduled.',
    ],
  },
];

export const OLD_TEMPLATES: readonly DemoTemplate[] = [
  {
    title: 'Quarterly business review: Hooli',
    meetingTitle: 'Hooli QBR',
    minutes: 60,
    recordedBy: ada,
    invitees: [ada, sofia, tomas],
    actionItems: [
      item('Send the usage report for the quarter', ada, 1320, true),
      item('Share the integration roadmap', sofia, 2750),
    ],
    templateName: 'Sales Call',
    purpose: "Review Hooli's quarter and plan the next one.",
    takeaways: ['Usage grew 18% over the quarter.', 'Hooli asked for a Slack integration.'],
  },
  {
    title: 'Offsite planning',
    meetingTitle: 'Offsite',
    minutes: 35,
    recordedBy: priya,
    invitees: [priya, ada, lena],
    actionItems: [item('Book the venue in Lisbon', priya, 980)],
    templateName: 'General',
    purpose: 'Pick a place and an agenda for the team offsite.',
    takeaways: ['Lisbon in March, three days.', 'One day is kept free of talks.'],
  },
];

/** Markdown the way Fathom writes it: headings and bullets. */
export function summaryMarkdown(template: DemoTemplate): string {
  const steps = template.actionItems.map(
    (action) => `- ${action.assignee ? `**${action.assignee.name}**: ` : ''}${action.description}`,
  );
  return [
    '## Meeting Purpose',
    '',
    template.purpose,
    '',
    '## Key Takeaways',
    '',
    ...template.takeaways.map((line) => `- ${line}`),
    '',
    '## Next Steps',
    '',
    ...(steps.length > 0 ? steps : ['- No follow-ups.']),
  ].join('\n');
}

/** The demo person's colleagues (for /teams and /team_members). */
export const TEAM_MEMBERS: readonly (DemoPerson & { team: string; joinedAt: string })[] = [
  { ...ada, team: 'Product', joinedAt: '2024-02-12T09:00:00Z' },
  { ...tomas, team: 'Product', joinedAt: '2023-06-01T09:00:00Z' },
  { ...priya, team: 'Design', joinedAt: '2023-09-18T09:00:00Z' },
  { ...lena, team: 'Design', joinedAt: '2025-01-06T09:00:00Z' },
  { ...marcus, team: 'Engineering', joinedAt: '2022-11-14T09:00:00Z' },
];
