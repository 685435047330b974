/**
 * Quantized inputs that push each accumulator of a layer to its smallest and largest value,
 * found by coordinate search: start from the sample reaching the best value, then sweep the
 * features, setting each to whichever of its 2^n values improves the objective most, until a
 * sweep improves nothing (at most `sweeps`). A hidden layer's worst case is not reachable in
 * general (its inputs are lookup outputs that move together), so this finds values the network
 * can actually produce; they widen the windows measured on the calibration data.
 */
export function extremeInputs(
  accumulators: (q: readonly number[]) => number[],
  samples: readonly (readonly number[])[],
  qMax: number,
  sweeps = 3,
): number[][] {
  const values = samples.map(accumulators);
  const neurons = values[0]?.length ?? 0;
  const found: number[][] = [];
  for (let j = 0; j < neurons; j++) {
    for (const sign of [1, -1]) {
      let start = 0;
      values.forEach((v, s) => {
        if (sign * (v[j] as number) > sign * ((values[start] as number[])[j] as number)) start = s;
      });
      const x = (samples[start] as number[]).slice();
      let best = sign * ((values[start] as number[])[j] as number);
      for (let sweep = 0; sweep < sweeps; sweep++) {
        let improved = false;
        for (let i = 0; i < x.length; i++) {
          const kept = x[i] as number;
          let bestValue = kept;
          for (let v = 0; v <= qMax; v++) {
            if (v === kept) continue;
            x[i] = v;
            const objective = sign * (accumulators(x)[j] as number);
            if (objective > best) {
              best = objective;
              bestValue = v;
              improved = true;
            }
          }
          x[i] = bestValue;
        }
        if (!improved) break;
      }
      found.push(x);
    }
  }
  return found;
}
