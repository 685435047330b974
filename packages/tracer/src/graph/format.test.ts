import { describe, expect, it } from '@jest/globals';
import { LookupTable, roundBitPattern } from '../api/extensions.js';
import { np } from '../api/np.js';
import { slice } from '../api/indexing.js';
import { trace } from '../tracing/trace.js';
import { measureBounds } from './bounds.js';
import { toDot } from './dot.js';
import { format } from './format.js';
import { toSvg } from './svg.js';

const squares = new LookupTable([0, 1, 4, 9, 16, 25, 36, 49, 64]);
const graph = trace(
  (x, y) => squares.apply(roundBitPattern(np.clip(x.add(y).get(slice(0, 3)), 0, 7), 1)).sum(),
  { x: 'encrypted', y: 'clear' },
  { inputShapes: { x: [4], y: [] } },
);

describe('format', () => {
  it('prints one line per node in Concrete style', () => {
    expect(format(graph)).toMatchInlineSnapshot(`
     "%0 = x                                                             # EncryptedTensor<int, shape=(4,)>
     %1 = y                                                             # ClearScalar<int>
     %2 = add(%0, %1)                                                   # EncryptedTensor<int, shape=(4,)>
     %3 = %2[0:3]                                                       # EncryptedTensor<int, shape=(3,)>
     %4 = clip(%3, min=0, max=7)                                        # EncryptedTensor<int, shape=(3,)>
     %5 = roundBitPattern(%4, lsbsToRemove=1, overflowProtection=true)  # EncryptedTensor<int, shape=(3,)>
     %6 = lookup(%5, table=[0,1,4,9,16,25,36,49,64])                    # EncryptedTensor<int, shape=(3,)>
     %7 = sum(%6, axis=[0], keepdims=false)                             # EncryptedScalar<int>
     return %7"
    `);
  });

  it('adds bit-widths and ranges when given bounds', () => {
    const bounds = measureBounds(graph, [
      [[0, 1, 2, 3], 0],
      [[3, 2, 1, 9], 3],
    ]);
    expect(format(graph, bounds)).toMatchInlineSnapshot(`
     "%0 = x                                                             # EncryptedTensor<uint4, shape=(4,)>  ∈ [0, 9]
     %1 = y                                                             # ClearScalar<uint2>                  ∈ [0, 3]
     %2 = add(%0, %1)                                                   # EncryptedTensor<uint4, shape=(4,)>  ∈ [0, 12]
     %3 = %2[0:3]                                                       # EncryptedTensor<uint3, shape=(3,)>  ∈ [0, 6]
     %4 = clip(%3, min=0, max=7)                                        # EncryptedTensor<uint3, shape=(3,)>  ∈ [0, 6]
     %5 = roundBitPattern(%4, lsbsToRemove=1, overflowProtection=true)  # EncryptedTensor<uint3, shape=(3,)>  ∈ [0, 6]
     %6 = lookup(%5, table=[0,1,4,9,16,25,36,49,64])                    # EncryptedTensor<uint6, shape=(3,)>  ∈ [0, 36]
     %7 = sum(%6, axis=[0], keepdims=false)                             # EncryptedScalar<uint7>              ∈ [8, 88]
     return %7"
    `);
  });

  it('shows constants inline (long ones elided), float types and several outputs', () => {
    const g = trace(
      (x) => [x.mul(0.5), x.add(Array.from({ length: 30 }, (_, i) => i))],
      { x: 'encrypted' },
      { inputShapes: { x: [30] } },
    );
    expect(format(g)).toMatchInlineSnapshot(`
     "%0 = x                                                  # EncryptedTensor<int, shape=(30,)>
     %1 = 0.5                                                # ClearScalar<float64>
     %2 = multiply(%0, %1)                                   # EncryptedTensor<float64, shape=(30,)>
     %3 = [0, 1, 2, 3, 4, 5, 6,  ... 4, 25, 26, 27, 28, 29]  # ClearTensor<int, shape=(30,)>
     %4 = add(%0, %3)                                        # EncryptedTensor<int, shape=(30,)>
     return (%2, %4)"
    `);
  });
});

describe('toDot / toSvg', () => {
  it('writes Graphviz DOT with one box per node and numbered edges', () => {
    expect(toDot(graph)).toMatchSnapshot();
  });

  it('renders an SVG drawing', async () => {
    const svg = await toSvg(graph);
    expect(svg).toMatch(/<svg[\s\S]*<\/svg>/);
    expect(svg).toContain('roundBitPattern');
  });
});
