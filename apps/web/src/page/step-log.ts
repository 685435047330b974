/** The table of steps: what ran, how long it took, and the bytes sent to / received from the server. */
import { formatBytes, formatMs } from './format.js';

export interface Step {
  readonly name: string;
  readonly ms: number;
  readonly sent?: number;
  readonly received?: number;
}

export class StepLog {
  constructor(private readonly body: HTMLTableSectionElement) {}

  clear(): void {
    this.body.replaceChildren();
  }

  add(step: Step): void {
    const row = this.body.insertRow();
    row.dataset['step'] = step.name;
    row.dataset['ms'] = step.ms.toFixed(1);
    for (const text of [
      step.name,
      formatMs(step.ms),
      step.sent === undefined ? '' : formatBytes(step.sent),
      step.received === undefined ? '' : formatBytes(step.received),
    ]) {
      row.insertCell().textContent = text;
    }
  }
}
