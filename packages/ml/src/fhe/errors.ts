/** FHE prediction (`fhe: 'simulate' | 'execute'`, or any quantized prediction) before `compile`. */
export class NotCompiledError extends Error {
  override name = 'NotCompiledError';
  /** `method` is a name (`fhe`) or a call as written (`predict(X, { fhe: 'simulate' })`). */
  constructor(model: string, method: string) {
    super(`${model} is not compiled yet: call compile(X) before ${method.includes('(') ? method : `${method}()`}`);
  }
}

/** A model family (or configuration) with no FHE lowering. */
export class UnsupportedModelError extends Error {
  override name = 'UnsupportedModelError';
}

/** A deployment directory or byte bundle that does not hold what a role needs. */
export class DeploymentError extends Error {
  override name = 'DeploymentError';
}
