// Shared between <cs-bpmn-viewer> and <cs-bpmn-modeler>: fitting a BPMN diagram so that it stays readable, and the
// zoom buttons. A fitted diagram is never drawn larger than 100 %, nor smaller than MIN_READABLE: a wide model is
// then shown from its start (left) at a size whose labels can be read, and the reader pans or presses "fit" for
// the whole. See docs/decisions/DD024-bpmn-and-dmn-in-the-browser.md.
import { el } from './diagram-support.js';

export const MIN_READABLE = 0.75;
// room around the model, and on the right for the zoom buttons
const PADDING_X = 56;
const PADDING_Y = 24;

/** Fits the diagram on the canvas; whole=true shows all of it whatever the size. */
export function fit(canvas, whole) {
  const { inner, outer } = canvas.viewbox();
  if (!inner.width || !outer.width || !outer.height) {
    return;
  }
  const fitting = Math.min(
    outer.width / (inner.width + 2 * PADDING_X),
    outer.height / (inner.height + 2 * PADDING_Y)
  );
  const scale = Math.min(1, whole ? fitting : Math.max(fitting, MIN_READABLE));
  const width = outer.width / scale;
  const height = outer.height / scale;
  // centred where it fits; from its start (left, top) where it does not
  const x = inner.width + 2 * PADDING_X <= width ? inner.x + inner.width / 2 - width / 2 : inner.x - PADDING_X;
  const y = inner.height + 2 * PADDING_Y <= height ? inner.y + inner.height / 2 - height / 2 : inner.y - PADDING_Y;
  canvas.viewbox({ x, y, width, height });
}

/** Zoom in, zoom out and fit buttons in the canvas' top right corner; labels from the element. */
export function zoomControls(element, canvas, onUserZoom) {
  const bar = el('div', 'cs-zoom-controls');
  const buttons = [
    ['zoomIn', '+', () => canvas.zoom(Math.min(canvas.zoom() * 1.2, 4), 'auto')],
    ['zoomOut', '\u2212', () => canvas.zoom(Math.max(canvas.zoom() / 1.2, 0.2), 'auto')],
    ['fit', '\u2922', () => fit(canvas, true)]
  ];
  for (const [key, symbol, action] of buttons) {
    const button = el('button', 'cs-zoom-' + key, symbol);
    button.type = 'button';
    button.dataset.label = key;
    button.addEventListener('click', () => {
      action();
      onUserZoom();
    });
    bar.appendChild(button);
  }
  const relabel = () => {
    for (const button of bar.querySelectorAll('button')) {
      const text = element.label(button.dataset.label);
      button.title = text;
      button.setAttribute('aria-label', text);
    }
  };
  relabel();
  return { bar, relabel };
}
