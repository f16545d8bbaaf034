/**
 * dist/timeline.cjs: `timeline add`, `timeline import` and `new --timeline-from`, with the libraries only they use
 * (re2js, csv-parse, proper-lockfile), out of the bundle every command loads.
 */
export { add, importEvents } from '../commands/timeline.js';
export { addTimelineAnswers } from './answers.js';
