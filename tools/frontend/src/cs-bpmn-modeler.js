// <cs-bpmn-modeler>: edits a BPMN model (bpmn-js Modeler) with the Camunda 7 properties panel beside the canvas,
// for io.clientspace.modeling.ui.diagram.BpmnModeler. The Java side reads the model back with saveXml() and hears
// 'cs-dirty-change' when the model first differs from what was loaded (or saved). Nothing here deploys: the
// modeling module's gate decides that on the server. The bpmn.io watermark stays (bpmn-js licence).
// See docs/decisions/DD024-bpmn-and-dmn-in-the-browser.md.
import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule
} from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-codes.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import './styles/bpmn-font.css';
import './styles/diagram.css';
import './styles/modeler.css';
import { DiagramElement, el } from './lib/diagram-support.js';
import { fit, zoomControls } from './lib/bpmn-view.js';

const STYLESHEET = new URL('./cs-bpmn-modeler.css', import.meta.url).href;

class CsBpmnModeler extends DiagramElement {
  constructor() {
    super(STYLESHEET);
    this._dirty = false;
    this._importing = false;
  }

  createDiagram(container) {
    const canvasHost = el('div', 'cs-modeler-canvas');
    const panelHost = el('div', 'cs-modeler-panel');
    container.append(canvasHost, panelHost);
    this._modeler = new BpmnModeler({
      container: canvasHost,
      propertiesPanel: { parent: panelHost },
      additionalModules: [
        BpmnPropertiesPanelModule,
        BpmnPropertiesProviderModule,
        CamundaPlatformPropertiesProviderModule,
        CamundaBehaviorsModule
      ],
      moddleExtensions: { camunda: camundaModdle }
    });
    const canvas = this._modeler.get('canvas');
    this._zoom = zoomControls(this, canvas, () => {});
    canvasHost.appendChild(this._zoom.bar);
    this._modeler.on('commandStack.changed', () => {
      if (!this._importing) {
        this._setDirty(true);
      }
    });
    new ResizeObserver(() => this._imported && canvas.resized()).observe(canvasHost);
  }

  async importDiagram(xml) {
    this._importing = true;
    this._imported = false;
    try {
      const result = await this._modeler.importXML(xml);
      this._imported = true;
      fit(this._modeler.get('canvas'), false);
      return result.warnings;
    } finally {
      this._importing = false;
      this._setDirty(false);
    }
  }

  labelsChanged() {
    if (this._zoom) {
      this._zoom.relabel();
    }
  }

  /** The model as formatted XML; rejects when no model has been opened. */
  async saveXml() {
    if (!this._imported) {
      throw new Error('No model is open');
    }
    const { xml } = await this._modeler.saveXML({ format: true });
    return xml;
  }

  /** The model as it is now counts as saved: the next change makes it dirty again. */
  markClean() {
    this._setDirty(false);
  }

  /** Selects an element by id, as a click would (lets the Java side and tests point at an activity). */
  select(id) {
    const element = this._modeler.get('elementRegistry').get(id);
    if (element) {
      this._modeler.get('selection').select(element);
    }
    return Boolean(element);
  }

  get dirty() {
    return this._dirty;
  }

  _setDirty(dirty) {
    if (this._dirty !== dirty) {
      this._dirty = dirty;
      this.dispatchEvent(new CustomEvent('cs-dirty-change', { detail: { dirty } }));
    }
  }
}

customElements.define('cs-bpmn-modeler', CsBpmnModeler);
