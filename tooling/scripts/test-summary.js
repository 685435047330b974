#!/usr/bin/env node
/**
 * Adds up the Jest results every workspace package wrote to test-results/jest.json and
 * prints the one line CI reads: "N passed, N failed, N skipped". A package that has a test
 * script but wrote no results (Jest crashed, or never ran) counts as one failure, so a
 * broken suite can never look green. Exits 1 when anything failed.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2] ?? process.cwd();
const workspaceDirs = ['packages', 'apps']
  .flatMap((group) =>
    existsSync(join(root, group))
      ? readdirSync(join(root, group)).map((name) => join(root, group, name))
      : [],
  )
  .concat(join(root, 'tooling'), join(root, 'docs'));

let passed = 0;
let failed = 0;
let skipped = 0;
for (const dir of workspaceDirs) {
  const manifestPath = join(dir, 'package.json');
  if (!existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (!manifest.scripts?.test) continue;
  const resultsPath = join(dir, 'test-results', 'jest.json');
  if (!existsSync(resultsPath)) {
    console.error(`test-summary: ${manifest.name} wrote no test results (counted as 1 failure)`);
    failed += 1;
    continue;
  }
  const results = JSON.parse(readFileSync(resultsPath, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  skipped += results.numPendingTests + results.numTodoTests;
  // A test file that fails to load has no failed tests but a failed suite.
  const brokenSuites = results.testResults.filter(
    (suite) => suite.status === 'failed' && suite.assertionResults.every((a) => a.status !== 'failed'),
  ).length;
  if (brokenSuites > 0) {
    console.error(`test-summary: ${manifest.name} has ${brokenSuites} test file(s) that failed to run`);
    failed += brokenSuites;
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
