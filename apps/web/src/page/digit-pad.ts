/** A canvas to draw a digit on with mouse or touch; its drawing becomes the digits model's 64 features. */
import { digitFeatures } from './digit-features.js';

export class DigitPad {
  private readonly context: CanvasRenderingContext2D;
  private drawing = false;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly onChange: () => void,
  ) {
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2d canvas context');
    this.context = context;
    this.clear();
    canvas.addEventListener('pointerdown', (event) => {
      this.drawing = true;
      canvas.setPointerCapture(event.pointerId);
      this.context.beginPath();
      this.context.moveTo(...this.point(event));
    });
    canvas.addEventListener('pointermove', (event) => {
      if (!this.drawing) return;
      this.context.lineTo(...this.point(event));
      this.context.stroke();
    });
    const stop = (): void => {
      if (!this.drawing) return;
      this.drawing = false;
      this.onChange();
    };
    canvas.addEventListener('pointerup', stop);
    canvas.addEventListener('pointerleave', stop);
  }

  clear(): void {
    const { context, canvas } = this;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.strokeStyle = '#000';
    context.lineWidth = canvas.width / 12;
    context.lineCap = 'round';
    context.lineJoin = 'round';
  }

  /** The drawing as 8x8 intensities 0..16 (a pixel darker than mid-grey is ink). */
  features(): number[] {
    const { width, height } = this.canvas;
    const pixels = this.context.getImageData(0, 0, width, height).data;
    return digitFeatures((x, y) => (pixels[(y * width + x) * 4] as number) < 128, width, height);
  }

  private point(event: PointerEvent): [number, number] {
    const rect = this.canvas.getBoundingClientRect();
    return [((event.clientX - rect.left) * this.canvas.width) / rect.width, ((event.clientY - rect.top) * this.canvas.height) / rect.height];
  }
}
