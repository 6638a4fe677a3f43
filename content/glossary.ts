import type { GlossaryEntry } from './types';

/*
 * Every term the series explains. Editors: summaries quote or condense the cited section and add
 * nothing of their own; `npm test` checks that each citation resolves and that the term (or one of
 * its aliases) really occurs in the text it cites. Words of your own go in `editorsNote`, which the
 * card shows apart and labelled; mark medicines `medicine: true` and conditions `condition: true`
 * (docs/editors.md). After a review of the whole glossary, set the date below.
 */

/** When the editors last reviewed every entry against the series (YYYY-MM-DD); shown on the About page. */
export const glossaryReviewed = '2026-12-05';

export const glossary: readonly GlossaryEntry[] = [
  {
    id: 'ssri',
    term: 'SSRI',
    aliases: ['Selective Serotonin Reuptake Inhibitor'],
    summary:
      'Selective Serotonin Reuptake Inhibitors: a cornerstone in treating conditions like depression and anxiety. They work by altering serotonin levels in the brain, typically require daily intake, and take weeks, sometimes months, to show effects.',
    citations: [
      { part: 'part-1', section: 'Beyond Daily Medication' },
      { part: 'part-1', section: 'Rapid Relief with Lasting Impact' },
    ],
    related: ['serotonin', 'ketamine', 'daily-medication'],
    medicine: true,
  },
  {
    id: 'ketamine',
    term: 'Ketamine',
    aliases: ['ketamine therapy'],
    summary:
      'Ketamine therapy adjusts brain chemistry by affecting the glutamate pathway, and its experiences often facilitate profound introspection. It can offer symptomatic relief within hours or days and is often combined with psychotherapy.',
    citations: [
      { part: 'part-1', section: 'Beyond Daily Medication' },
      { part: 'part-1', section: 'Rapid Relief with Lasting Impact' },
      { part: 'part-1', section: 'A Holistic Healing Approach' },
    ],
    related: ['glutamate', 'ssri', 'psychotherapy'],
    medicine: true,
  },
  {
    id: 'serotonin',
    term: 'Serotonin',
    aliases: [],
    summary: 'SSRIs work by altering serotonin levels in the brain, helping to improve mood and emotional well-being.',
    citations: [{ part: 'part-1', section: 'Beyond Daily Medication' }],
    related: ['ssri', 'brain-chemistry'],
  },
  {
    id: 'glutamate',
    term: 'Glutamate',
    aliases: ['glutamate pathway'],
    summary:
      'Ketamine adjusts brain chemistry by affecting the glutamate pathway, a departure from SSRIs, which alter serotonin levels.',
    citations: [{ part: 'part-1', section: 'Beyond Daily Medication' }],
    related: ['ketamine', 'brain-chemistry'],
  },
  {
    id: 'depression',
    term: 'Depression',
    aliases: [],
    notWhen: [
      'Great Depression',
      'Long Depression',
      'Depression-era',
      'Depression era',
      'economic depression',
      'tropical depression',
      'subtropical depression',
      // Medical senses that are not the mood disorder, common beside ketamine (an anaesthetic).
      'respiratory depression',
      'CNS depression',
      'central nervous system depression',
      'ST depression',
      'ST-segment depression',
      'ST segment depression',
      'depression of the ST segment',
      'bone marrow depression',
    ],
    summary: 'One of the conditions, alongside anxiety, in which SSRIs are a cornerstone of treatment.',
    citations: [{ part: 'part-1', section: 'Beyond Daily Medication' }],
    related: ['anxiety', 'ssri'],
    condition: true,
  },
  {
    id: 'anxiety',
    term: 'Anxiety',
    aliases: [],
    summary: 'One of the conditions, alongside depression, in which SSRIs are a cornerstone of treatment.',
    citations: [{ part: 'part-1', section: 'Beyond Daily Medication' }],
    related: ['depression', 'ssri'],
    condition: true,
  },
  {
    id: 'psychotherapy',
    term: 'Psychotherapy',
    aliases: [],
    summary:
      'Ketamine therapy is often combined with psychotherapy, enhancing its effectiveness: this integrative approach helps in processing and applying the insights gained during ketamine sessions.',
    citations: [{ part: 'part-1', section: 'A Holistic Healing Approach' }],
    related: ['ketamine', 'holistic-healing'],
  },
  {
    id: 'psychedelic-integration',
    term: 'Psychedelic integration',
    aliases: [],
    // Its title, quoted, is all the series has published of the part; "announced" is the editors' word.
    summary: '“What is Psychedelic Integration?”',
    citations: [{ part: 'psychedelic-integration' }],
    related: ['psychotherapy'],
    editorsNote: 'The series has announced a part with this title; its text is not published yet.',
  },
  {
    id: 'brain-chemistry',
    term: 'Brain chemistry',
    aliases: [],
    summary:
      'SSRIs alter serotonin levels in the brain; ketamine adjusts brain chemistry by affecting the glutamate pathway.',
    citations: [{ part: 'part-1', section: 'Beyond Daily Medication' }],
    related: ['serotonin', 'glutamate'],
  },
  {
    id: 'introspection',
    term: 'Introspection',
    aliases: ['introspective'],
    summary:
      'Ketamine experiences often facilitate profound introspection, allowing individuals to confront and work through their internal struggles, thoughts, and emotions.',
    citations: [
      { part: 'part-1', section: 'Beyond Daily Medication' },
      { part: 'part-1', section: 'Rapid Relief with Lasting Impact' },
    ],
    related: ['ketamine'],
  },
  {
    id: 'symptomatic-relief',
    term: 'Symptomatic relief',
    aliases: [],
    summary:
      'Ketamine can offer symptomatic relief within hours or days, a critical factor for those suffering from severe symptoms, while SSRIs take weeks, sometimes months, to show effects.',
    citations: [{ part: 'part-1', section: 'Rapid Relief with Lasting Impact' }],
    related: ['ketamine', 'ssri'],
  },
  {
    id: 'holistic-healing',
    term: 'Holistic healing',
    aliases: [],
    summary:
      'Combining ketamine therapy with psychotherapy helps in processing and applying the insights gained during ketamine sessions, leading to more holistic healing.',
    citations: [{ part: 'part-1', section: 'A Holistic Healing Approach' }],
    related: ['psychotherapy', 'ketamine'],
  },
  {
    id: 'daily-medication',
    term: 'Daily medication',
    aliases: [],
    summary:
      'SSRI treatment typically requires daily intake. The series contrasts the passive nature of daily medication intake with SSRIs with the proactive approach of ketamine therapy.',
    citations: [
      { part: 'part-1', section: 'Beyond Daily Medication' },
      { part: 'part-1', section: 'A Holistic Healing Approach' },
    ],
    related: ['ssri'],
    medicine: true,
  },
];
