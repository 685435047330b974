import { rm } from 'node:fs/promises';
import { FHEModelClient } from '@cml/ml';
import { createDemoDeployment, type DemoDeployment } from '../demo-deployment.js';

/** A demo deployment and a client holding freshly generated keys for it. */
export interface DemoFixture {
  readonly demo: DemoDeployment;
  readonly client: FHEModelClient;
  readonly keyBytes: Uint8Array;
  dispose(): Promise<void>;
}

export async function demoFixture(): Promise<DemoFixture> {
  const demo = await createDemoDeployment();
  const client = await newClient(demo.dir);
  return {
    demo,
    client,
    keyBytes: client.getSerializedEvaluationKeys(),
    async dispose() {
      client.dispose();
      await rm(demo.dir, { recursive: true, force: true });
    },
  };
}

export async function newClient(dir: string): Promise<FHEModelClient> {
  const client = new FHEModelClient(dir);
  await client.generatePrivateAndEvaluationKeys();
  return client;
}

export const OCTETS = { 'content-type': 'application/octet-stream' } as const;

/** Rows spread over the data set (both classes), as the simulated clients' samples. */
export function spreadRows(demo: DemoDeployment, count: number): number[][] {
  const step = Math.floor(demo.samples.length / count);
  return Array.from({ length: count }, (_, i) => demo.samples[i * step] as number[]);
}
