import type * as Tf from '@tensorflow/tfjs';

/**
 * Loads TensorFlow.js (the instance @cml/ml uses) with its console notices off: in Node it
 * advises installing tfjs-node on first use, which this project cannot need; that advice on
 * stderr would only confuse the command's output.
 */
export async function loadTensorflow(): Promise<typeof Tf> {
  const tf = await import('@tensorflow/tfjs');
  tf.env().set('PROD', true);
  return tf;
}
