// <cs-bpmn-viewer>: a BPMN diagram, read only (bpmn-js NavigatedViewer: pan and zoom), fed XML from Java
// (io.clientspace.modeling.ui.diagram.BpmnViewer). Activities with running instances carry a badge with their
// number, activities with incidents are outlined red and carry a red badge. The bpmn.io watermark stays, as the
// bpmn-js licence requires. See docs/decisions/DD024-bpmn-and-dmn-in-the-browser.md.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './styles/diagram.css';
import { DiagramElement, el } from './lib/diagram-support.js';
import { fit, zoomControls } from './lib/bpmn-view.js';

const STYLESHEET = new URL('./cs-bpmn-viewer.css', import.meta.url).href;

class CsBpmnViewer extends DiagramElement {
  constructor() {
    super(STYLESHEET);
    this._counts = {};
    this._incidents = {};
    this._userZoomed = false;
  }

  /** Active instances per activity id, as a JSON object {"StageNew": 3}. */
  set counts(json) {
    this._counts = json ? JSON.parse(json) : {};
    this._drawBadges();
  }

  get counts() {
    return JSON.stringify(this._counts);
  }

  /** Open incidents per activity id, as a JSON object. */
  set incidents(json) {
    this._incidents = json ? JSON.parse(json) : {};
    this._drawBadges();
  }

  get incidents() {
    return JSON.stringify(this._incidents);
  }

  createDiagram(container) {
    this._viewer = new NavigatedViewer({ container });
    const canvas = this._viewer.get('canvas');
    this._zoom = zoomControls(this, canvas, () => (this._userZoomed = true));
    container.appendChild(this._zoom.bar);
    this._resizeObserver = new ResizeObserver(() => {
      if (this._imported) {
        canvas.resized();
        if (!this._userZoomed) {
          fit(canvas, false);
        }
      }
    });
    this._resizeObserver.observe(this);
  }

  async importDiagram(xml) {
    this._imported = false;
    const result = await this._viewer.importXML(xml);
    this._imported = true;
    this._userZoomed = false;
    fit(this._viewer.get('canvas'), false);
    this._drawBadges();
    return result.warnings;
  }

  labelsChanged() {
    if (this._zoom) {
      this._zoom.relabel();
    }
    this._drawBadges();
  }

  /** Element ids that carry a badge, for tests and for the Java side's text alternative. */
  badgeIds() {
    return Array.from(this.querySelectorAll('.cs-badge')).map((b) => b.dataset.elementId);
  }

  _drawBadges() {
    if (!this._imported) {
      return;
    }
    const overlays = this._viewer.get('overlays');
    const canvas = this._viewer.get('canvas');
    const registry = this._viewer.get('elementRegistry');
    overlays.remove({ type: 'cs-active' });
    overlays.remove({ type: 'cs-incidents' });
    for (const element of registry.getAll()) {
      canvas.removeMarker(element, 'cs-has-active');
      canvas.removeMarker(element, 'cs-has-incident');
    }
    this._badges(registry, overlays, canvas, this._counts, 'cs-active', 'cs-has-active', 'active',
      { bottom: 0, left: 0 });
    this._badges(registry, overlays, canvas, this._incidents, 'cs-incidents', 'cs-has-incident', 'incidents',
      { bottom: 0, right: 0 });
  }

  _badges(registry, overlays, canvas, numbers, type, marker, labelKey, position) {
    for (const [id, number] of Object.entries(numbers)) {
      const element = registry.get(id);
      if (!element || element.waypoints || !(number > 0)) {
        continue;
      }
      const text = this.label(labelKey, number);
      const badge = el('span', 'cs-badge cs-badge-' + labelKey, String(number));
      badge.dataset.elementId = id;
      badge.title = text;
      badge.setAttribute('role', 'img');
      badge.setAttribute('aria-label', text);
      overlays.add(id, type, { position, html: badge });
      canvas.addMarker(id, marker);
    }
  }
}

customElements.define('cs-bpmn-viewer', CsBpmnViewer);
