// Edits of a participant as pure functions (no I/O, "today" passed in). Each returns
// an EditResult: the new participant plus a French description for the journal, or a
// French refusal. Save them with store/applyChange.ts `applyChange(file, base, edit)`.
export * from './result.js';
export * from './dates.js';
export * from './steps.js';
export * from './events.js';
export * from './contract.js';
export * from './closing.js';
export * from './exitFollowUp.js';
export * from './snooze.js';
export * from './undo.js';
export {diffParticipants, mergeChanges, applyChanges, sameValue, type FieldChange, type FieldConflict} from './diff.js';
export {formatValue, stepTitle, eventTitle, fieldLabel} from './format.js';
