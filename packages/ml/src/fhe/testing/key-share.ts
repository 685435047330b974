import type { FheModel } from '../fhe-model.js';

/**
 * Test helper: one key pair per parameter set for a whole test file. The first model of a
 * parameter set generates keys; later models of the same set borrow them.
 */
export class KeyShare {
  private readonly owners = new Map<string, FheModel>();

  async attach(model: FheModel): Promise<void> {
    const name = model.circuit.parameters.name;
    const owner = this.owners.get(name);
    if (owner === undefined) {
      await model.circuit.keygen();
      this.owners.set(name, model);
    } else {
      model.circuit.client.shareKeysFrom(owner.circuit.client);
    }
  }

  async dispose(): Promise<void> {
    for (const owner of this.owners.values()) await owner.dispose();
    this.owners.clear();
  }
}
