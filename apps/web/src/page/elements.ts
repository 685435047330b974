/** The page's elements by id, typed; a missing one is a PageStructureError. */
export class PageStructureError extends Error {
  override readonly name = 'PageStructureError';
}

function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new PageStructureError(`the page has no <${type.name}> #${id}`);
  return element;
}

export function pageElements() {
  return {
    model: byId('model', HTMLSelectElement),
    modelInfo: byId('model-info', HTMLParagraphElement),
    keygen: byId('keygen', HTMLButtonElement),
    forget: byId('forget', HTMLButtonElement),
    keyStatus: byId('key-status', HTMLParagraphElement),
    keygenProgress: byId('keygen-progress', HTMLProgressElement),
    uploadProgress: byId('upload-progress', HTMLProgressElement),
    uploadStatus: byId('upload-status', HTMLParagraphElement),
    sample: byId('sample', HTMLSelectElement),
    digit: byId('digit', HTMLDivElement),
    digitCanvas: byId('digit-canvas', HTMLCanvasElement),
    digitClear: byId('digit-clear', HTMLButtonElement),
    features: byId('features', HTMLDivElement),
    predict: byId('predict', HTMLButtonElement),
    prediction: byId('prediction', HTMLParagraphElement),
    probabilities: byId('probabilities', HTMLParagraphElement),
    steps: byId('steps', HTMLTableSectionElement),
    error: byId('error', HTMLParagraphElement),
  };
}

export type PageElements = ReturnType<typeof pageElements>;
