/** One number input per feature, labelled with the feature's name. */
export class FeatureForm {
  private inputs: HTMLInputElement[] = [];

  constructor(private readonly container: HTMLElement) {}

  show(names: readonly string[]): void {
    const labels = names.map((name, i) => {
      const input = document.createElement('input');
      input.type = 'number';
      input.step = 'any';
      input.value = '0';
      input.name = `feature-${i}`;
      const label = document.createElement('label');
      label.append(name, input);
      return { label, input };
    });
    this.inputs = labels.map(({ input }) => input);
    this.container.replaceChildren(...labels.map(({ label }) => label));
  }

  set(values: readonly number[]): void {
    this.inputs.forEach((input, i) => (input.value = String(values[i] ?? 0)));
  }

  /** The entered values; an empty or non-numeric field is an InvalidFeatureError. */
  values(): number[] {
    return this.inputs.map((input, i) => {
      const value = Number(input.value);
      if (input.value.trim() === '' || !Number.isFinite(value)) throw new InvalidFeatureError(i, input.value);
      return value;
    });
  }
}

export class InvalidFeatureError extends Error {
  override readonly name = 'InvalidFeatureError';
  constructor(index: number, value: string) {
    super(`feature ${index} is not a number: '${value}'`);
  }
}
