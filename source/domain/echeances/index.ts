// The échéances of REFERENTIEL §7: what falls due next (kinds, rules, list, groups).
export * from './kinds.js';
export * from './rules.js';
export * from './list.js';
export * from './groups.js';
export * from './shownText.js';
export * from './statusFacts.js';
export * from './summary.js';
export * from './exitsToClose.js';
