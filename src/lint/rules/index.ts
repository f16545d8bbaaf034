/** All lint rules, in the order they run. One file per rule beside this one, each with its tests. */
import type { Rule } from '../rule.js';
import { rule as actionDue } from './action-due.js';
import { rule as actionOwner } from './action-owner.js';
import { rule as actionTaskList } from './action-task-list.js';
import { rule as blamelessLanguage } from './blameless-language.js';
import { rule as frontmatterChoice } from './frontmatter-choice.js';
import { rule as frontmatterDatetime } from './frontmatter-datetime.js';
import { rule as frontmatterRequired } from './frontmatter-required.js';
import { rule as frontmatterSyntax } from './frontmatter-syntax.js';
import { rule as frontmatterType } from './frontmatter-type.js';
import { rule as headingStyle } from './heading-style.js';
import { rule as incidentDuration } from './incident-duration.js';
import { rule as incidentWindow } from './incident-window.js';
import { rule as noSecrets } from './no-secrets.js';
import { rule as sectionEmpty } from './section-empty.js';
import { rule as sectionPlaceholder } from './section-placeholder.js';
import { rule as sectionRequired } from './section-required.js';
import { rule as templateKnown } from './template-known.js';
import { rule as timelineOrder } from './timeline-order.js';
import { rule as timelineTime } from './timeline-time.js';
import { rule as timelineTimezone } from './timeline-timezone.js';
import { rule as timelineWindow } from './timeline-window.js';
import { rule as wordCount } from './word-count.js';

export const RULES: readonly Rule[] = [
  frontmatterSyntax,
  templateKnown,
  frontmatterRequired,
  frontmatterType,
  frontmatterChoice,
  frontmatterDatetime,
  sectionRequired,
  sectionEmpty,
  sectionPlaceholder,
  headingStyle,
  incidentWindow,
  incidentDuration,
  timelineTime,
  timelineOrder,
  timelineWindow,
  timelineTimezone,
  actionOwner,
  actionDue,
  actionTaskList,
  wordCount,
  noSecrets,
  blamelessLanguage,
];

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));
