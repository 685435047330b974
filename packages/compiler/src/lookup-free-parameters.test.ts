import { describe, expect, it } from '@jest/globals';
import { np } from '@cml/tracer';
import { CircuitMismatchError, Client, compile } from './index.js';

const weights = [
  [3, 1],
  [-2, 4],
  [5, -7],
];
const inputset = [
  [1, 2, 3],
  [0, 7, 1],
  [7, 0, 2],
  [5, 5, 5],
];

describe('a circuit without table lookups', () => {
  it('asks the optimizer for no bootstrap margin, so its parameters only size decryption', () => {
    const circuit = compile((x) => x.matmul(weights), { x: 'encrypted' }, inputset);
    expect(circuit.statistics.bootstraps).toBe(0);
    expect(circuit.parameterReport.constraints.lookupPrecision).toBe(0);
    // Sized for decryption only: a far smaller polynomial than a 6-bit bootstrap needs (N = 4096).
    expect(circuit.parameters.polynomialSize).toBeLessThan(4096);
  });

  it('still computes the exact product on encrypted inputs', async () => {
    const circuit = compile((x) => x.matmul(weights), { x: 'encrypted' }, inputset);
    const [result] = await circuit.encryptRunDecrypt([1, 2, 3]);
    expect(result?.toNested()).toEqual([14, -12]);
    await circuit.dispose();
  });

  it('generates evaluation keys with no bootstrap or keyswitch key, and runs on them', async () => {
    const circuit = compile((x) => x.matmul(weights), { x: 'encrypted' }, inputset);
    expect(circuit.client.spec.lookups).toBe(false);
    await circuit.keygen();
    const keys = circuit.client.evaluationKeys;
    expect(keys.lookups).toBe(false);
    expect(keys.bootstrapKeyBytes + keys.keyswitchKeyBytes).toBe(0);
    expect(circuit.statistics.bootstrapKeyBytes + circuit.statistics.keyswitchKeyBytes).toBe(0);
    // What the server receives: the seed frame only (a full key set here is megabytes).
    expect(circuit.client.serializeEvaluationKeys().length).toBeLessThan(1024);
    const [result] = await circuit.encryptRunDecrypt([7, 0, 2]);
    expect(result?.toNested()).toEqual([31, -7]);
    await circuit.dispose();
  });

  it('refuses lookup-free keys for a circuit with lookups, on the client and on the server', async () => {
    const linear = compile((x) => x.matmul(weights), { x: 'encrypted' }, inputset);
    const relu = compile((x) => np.relu(x.sub(3)), { x: 'encrypted' }, [[0, 1, 2, 3, 4, 5, 6, 7]]);
    await linear.keygen();
    // A client whose circuit bootstraps never borrows them, even on the same parameter set.
    const borrower = Client.load(linear.client.serialize());
    Object.assign(borrower.spec, { lookups: true });
    expect(() => borrower.shareKeysFrom(linear.client)).toThrow(CircuitMismatchError);
    expect(() => borrower.shareKeysFrom(linear.client)).toThrow(/without lookups/);
    // A tampered client file that drops `lookups` makes keys the server then refuses before work.
    const tampered = Client.load(relu.client.serialize());
    Object.assign(tampered.spec, { lookups: false });
    await tampered.keygen();
    const args = tampered.encrypt([1, 2, 3, 4, 5, 6, 7, 0]);
    await expect(relu.server.run(args, tampered.evaluationKeys)).rejects.toThrow(/without a bootstrap key/);
    tampered.dispose();
    borrower.dispose();
    await linear.dispose();
    await relu.dispose();
  });
});
