// <cs-dmn-editor>: edits a DMN model with dmn-js, decision tables first, so that a process owner changes rules as a
// table; the decision diagram (DRD) is one tab away. For io.clientspace.modeling.ui.diagram.DmnEditor, which reads
// the model back with saveXml(). Only the views Camunda 7 runs are bundled: decision tables, literal expressions
// and the DRD (no boxed expressions of business knowledge models, which the engine does not evaluate).
// See docs/decisions/DD024-bpmn-and-dmn-in-the-browser.md.
import EditingManager from 'dmn-js-shared/lib/base/EditingManager';
import DrdModeler from 'dmn-js-drd/lib/Modeler';
import DecisionTableEditor from 'dmn-js-decision-table/lib/Editor';
import LiteralExpressionEditor from 'dmn-js-literal-expression/lib/Editor';
import { is } from 'dmn-js-shared/lib/util/ModelUtil';
import { debounce } from 'min-dash';
import camundaModdle from 'camunda-dmn-moddle/resources/camunda.json';
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-codes.css';
import './styles/dmn-font.css';
import './styles/diagram.css';
import './styles/dmn.css';
import { DiagramElement, el } from './lib/diagram-support.js';

/**
 * dmn-js commits a typed cell 300 ms after the last key (its debounceInput service). The same debounce here, but
 * remembered, so that saving first commits what was typed: a deploy right after typing must carry it.
 */
const pendingInput = new Set();
const FlushableDebounceInput = {
  debounceInput: ['factory', function () {
    return function (fn) {
      const debounced = debounce(fn, 300);
      return function (...args) {
        pendingInput.add(debounced);
        return debounced.apply(this, args);
      };
    };
  }]
};

function commitTypedInput() {
  for (const debounced of pendingInput) {
    debounced.flush();
  }
  pendingInput.clear();
}

const STYLESHEET = new URL('./cs-dmn-editor.css', import.meta.url).href;

class DmnModeler extends EditingManager {
  _getViewProviders() {
    return [
      { id: 'drd', constructor: DrdModeler, opens: 'dmn:Definitions' },
      {
        id: 'decisionTable',
        constructor: DecisionTableEditor,
        opens: (element) => is(element, 'dmn:Decision') && is(element.decisionLogic, 'dmn:DecisionTable')
      },
      {
        id: 'literalExpression',
        constructor: LiteralExpressionEditor,
        opens: (element) => is(element, 'dmn:Decision') && is(element.decisionLogic, 'dmn:LiteralExpression')
      }
    ];
  }

  // a table first: that is what process owners change
  _getInitialView(views) {
    return views.find((v) => v.type === 'decisionTable') || views.find((v) => v.type !== 'drd') || views[0];
  }
}

class CsDmnEditor extends DiagramElement {
  constructor() {
    super(STYLESHEET);
    this._dirty = false;
    this._importing = false;
    this._watched = new WeakSet();
  }

  createDiagram(container) {
    this._tabs = el('div', 'cs-dmn-tabs');
    this._tabs.setAttribute('role', 'tablist');
    const views = el('div', 'cs-dmn-views');
    container.append(this._tabs, views);
    this._modeler = new DmnModeler({
      container: views,
      common: { moddleExtensions: { camunda: camundaModdle } },
      // per view: dmn-js's Manager passes each view its own additionalModules and drops common's
      decisionTable: { additionalModules: [FlushableDebounceInput] },
      literalExpression: { additionalModules: [FlushableDebounceInput] },
      moddleExtensions: { camunda: camundaModdle }
    });
    this._modeler.on('views.changed', () => {
      this._watchActiveViewer();
      this._drawTabs();
    });
  }

  async importDiagram(xml) {
    this._importing = true;
    this._imported = false;
    try {
      const result = await this._modeler.importXML(xml);
      this._imported = true;
      this._drawTabs();
      return result.warnings;
    } finally {
      this._importing = false;
      this._setDirty(false);
    }
  }

  labelsChanged() {
    this._drawTabs();
  }

  /** The model as formatted XML; rejects when no model has been opened. */
  async saveXml() {
    if (!this._imported) {
      throw new Error('No model is open');
    }
    commitTypedInput();
    const { xml } = await this._modeler.saveXML({ format: true });
    return xml;
  }

  markClean() {
    this._setDirty(false);
  }

  get dirty() {
    return this._dirty;
  }

  _watchActiveViewer() {
    const viewer = this._modeler.getActiveViewer();
    if (viewer && !this._watched.has(viewer)) {
      this._watched.add(viewer);
      viewer.get('eventBus').on('commandStack.changed', () => {
        if (!this._importing) {
          this._setDirty(true);
        }
      });
    }
  }

  _drawTabs() {
    if (!this._tabs || !this._modeler) {
      return;
    }
    const active = this._modeler.getActiveView();
    const views = this._modeler.getViews();
    // tables and expressions first, in the file's order; the diagram last
    const ordered = views.filter((v) => v.type !== 'drd').concat(views.filter((v) => v.type === 'drd'));
    this._tabs.replaceChildren(
      ...ordered.map((view) => {
        const name = view.type === 'drd' ? this.label('diagram') : view.element.name || view.element.id;
        const tab = el('button', 'cs-dmn-tab', name);
        tab.type = 'button';
        tab.setAttribute('role', 'tab');
        tab.setAttribute('aria-selected', String(view === active));
        tab.dataset.viewType = view.type;
        tab.dataset.elementId = view.element.id;
        tab.addEventListener('click', () => this._modeler.open(view));
        return tab;
      })
    );
    // one decision and no other view worth a tab: the bar would only repeat the table's own title
    this._tabs.hidden = ordered.length < 2;
  }

  _setDirty(dirty) {
    if (this._dirty !== dirty) {
      this._dirty = dirty;
      this.dispatchEvent(new CustomEvent('cs-dirty-change', { detail: { dirty } }));
    }
  }
}

customElements.define('cs-dmn-editor', CsDmnEditor);
