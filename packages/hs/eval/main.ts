import { createHsClassifier } from '../classifier/createHsClassifier.js';
import { CLASSIFIER_GOALS, evaluateClassifier, meetsGoals, type Accuracy } from './evaluateClassifier.js';
import { loadLabelledSet } from './loadLabelledSet.js';

/**
 * `npm run eval:hs`: both accuracies of the classifier on the labelled set, overall, on the
 * held-out part and per language, then every title that misses. `--misses=held-out` lists only
 * the held-out misses; `--quiet` lists none. Exits 1 when a goal is missed overall or held out.
 */
const args = new Set(process.argv.slice(2));
const classifier = createHsClassifier();
const explainAt = process.argv.indexOf('--explain');
if (explainAt !== -1) {
  // `npm run eval:hs -- --explain "Cotton T-Shirt"`: the workings for one title, nothing else.
  console.log(JSON.stringify(classifier.explain({ title: process.argv[explainAt + 1] ?? '' }, 5), null, 2));
  process.exit(0);
}
const evaluation = evaluateClassifier(classifier, loadLabelledSet());
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const line = (name: string, accuracy: Accuracy) =>
  `${name.padEnd(10)} ${String(accuracy.titles).padStart(5)}   ${percent(accuracy.headingFirst).padStart(6)}   ${percent(accuracy.subheadingInTopThree).padStart(6)}${meetsGoals(accuracy) ? '' : '   below goal'}`;

console.log(
  `HS classifier on the labelled set (goals: heading first ≥ ${percent(CLASSIFIER_GOALS.headingFirst)}, subheading in top 3 ≥ ${percent(CLASSIFIER_GOALS.subheadingInTopThree)})\n`,
);
console.log('part       titles   heading first   subheading in top 3');
console.log(line('overall', evaluation.overall));
console.log(line('held-out', evaluation.heldOut));
console.log(line('  blind', evaluation.blind));
console.log(line('tuning', evaluation.tuning));
for (const [language, accuracy] of evaluation.byLanguage) console.log(line(`  ${language}`, accuracy));

// Calibration: how often the first suggestion is right at each confidence, which is what the
// floor for using a suggestion (SUGGESTION_FLOOR) is read from.
console.log('\nconfidence of the first suggestion   titles   right subheading   right heading');
for (const [low, high] of [
  [0, 0.3],
  [0.3, 0.5],
  [0.5, 0.8],
  [0.8, 1.01],
] as const) {
  const inBand = evaluation.results.filter(
    ({ suggestions }) => (suggestions[0]?.confidence ?? 0) >= low && (suggestions[0]?.confidence ?? 0) < high,
  );
  const right = inBand.filter(({ labelled, suggestions }) => suggestions[0]?.hsCode === labelled.hsCode).length;
  const band = `${low.toFixed(1)} to ${Math.min(high, 1).toFixed(1)}`.padEnd(35);
  console.log(
    `${band}${String(inBand.length).padStart(7)}   ${percent(inBand.length ? right / inBand.length : 0).padStart(16)}   ${percent(inBand.length ? inBand.filter((r) => r.headingFirst).length / inBand.length : 0).padStart(13)}`,
  );
}

if (!args.has('--quiet')) {
  const onlyHeldOut = args.has('--misses=held-out');
  const misses = evaluation.results.filter(
    (result) => (!result.headingFirst || !result.inTopThree) && (!onlyHeldOut || result.labelled.split !== 'tuning'),
  );
  console.log(`\n${misses.length} titles miss (H: wrong heading first, S: right subheading not in top 3):`);
  for (const { labelled, suggestions, headingFirst, inTopThree } of misses) {
    const flags = `${headingFirst ? ' ' : 'H'}${inTopThree ? ' ' : 'S'}`;
    const got = suggestions.map((s) => `${s.hsCode} ${s.confidence.toFixed(2)}`).join(', ') || 'nothing';
    console.log(`  ${flags} ${labelled.split.padEnd(8)} ${labelled.language} ${labelled.hsCode}  ${labelled.title}  →  ${got}`);
  }
}
process.exitCode = meetsGoals(evaluation.overall) && meetsGoals(evaluation.heldOut) ? 0 : 1;
