/** Sample rows picked at build time by scripts/build-page.js (see src/samples/pick-samples.ts). */
declare module 'virtual:cml-samples' {
  import type { SampleSet } from '../samples/pick-samples.js';
  const sets: Record<'breast-cancer' | 'digits', SampleSet>;
  export default sets;
}
