// What the three diagram elements (<cs-bpmn-viewer>, <cs-bpmn-modeler>, <cs-dmn-editor>) share: their stylesheet
// next to the module, the import protocol with the Java side (io.clientspace.modeling.ui.diagram) and the labels.
// The Java component shows the loading and error states (translated); the element reports how an import went with
// 'cs-import-done' / 'cs-import-failed', carrying the revision the Java side sent with the XML so a late answer to
// an older XML is ignored there. See docs/decisions/DD024-bpmn-and-dmn-in-the-browser.md.

const stylesheets = new Map();

/** Adds the stylesheet at href to the document once; resolves when it has loaded (or failed: the diagram still works). */
export function ensureStylesheet(href) {
  if (!stylesheets.has(href)) {
    stylesheets.set(
      href,
      new Promise((resolve) => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = href;
        link.addEventListener('load', () => resolve());
        link.addEventListener('error', () => resolve());
        document.head.appendChild(link);
      })
    );
  }
  return stylesheets.get(href);
}

/** Base class: a light-DOM element (bpmn-js and dmn-js style their markup with global CSS) fed XML by property. */
export class DiagramElement extends HTMLElement {
  constructor(stylesheetUrl) {
    super();
    this._stylesheetUrl = stylesheetUrl;
    this._xml = null;
    this._revision = 0;
    this._labels = {};
    this._queue = Promise.resolve();
  }

  /** Labels in the user's language, as a JSON object, set by the Java component. */
  set labels(json) {
    this._labels = json ? JSON.parse(json) : {};
    this.labelsChanged();
  }

  get labels() {
    return JSON.stringify(this._labels);
  }

  label(key, ...args) {
    const text = this._labels[key] || key;
    return args.reduce((t, value, i) => t.split('{' + i + '}').join(String(value)), text);
  }

  /** Which setXml call the next XML answers; sent before the XML. */
  set revision(value) {
    this._revision = Number(value) || 0;
  }

  get revision() {
    return this._revision;
  }

  set xml(value) {
    this._xml = value || null;
    this._scheduleImport();
  }

  get xml() {
    return this._xml;
  }

  connectedCallback() {
    // Vaadin may set properties before this module defined the element: those landed as plain own properties that
    // hide the setters above, so they are taken off and set again (labels and revision before the XML)
    for (const name of ['labels', 'revision', 'counts', 'incidents', 'xml']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    if (!this.style.display) {
      this.style.display = 'block';
    }
    if (!this._container) {
      this._container = document.createElement('div');
      this._container.className = 'cs-diagram-host';
      this.appendChild(this._container);
      this._ready = ensureStylesheet(this._stylesheetUrl).then(() => this.createDiagram(this._container));
    }
    this._scheduleImport();
  }

  /** Subclasses build their bpmn-js / dmn-js instance into the container. */
  createDiagram(container) {
    throw new Error('createDiagram not implemented for ' + container);
  }

  /** Subclasses import the XML into their instance; returns the import's warnings. */
  async importDiagram(xml) {
    throw new Error('importDiagram not implemented for ' + xml.length);
  }

  labelsChanged() {}

  _scheduleImport() {
    if (this._importScheduled) {
      return;
    }
    // after the current task: Vaadin sets revision and xml in one batch, in either order
    this._importScheduled = true;
    queueMicrotask(() => {
      this._importScheduled = false;
      this._importNow();
    });
  }

  _importNow() {
    if (!this.isConnected || !this._ready || this._xml === null) {
      return;
    }
    const xml = this._xml;
    const revision = this._revision;
    this._xml = null;
    // imports run one after the other: bpmn-js refuses an import while one is running
    this._queue = this._queue
      .then(() => this._ready)
      .then(() => this.importDiagram(xml))
      .then(
        (warnings) => this._report('cs-import-done', { revision, warnings: (warnings || []).length }),
        (error) => this._report('cs-import-failed', { revision, message: describe(error) })
      );
  }

  _report(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

/** The library's own words for a failed import, first line only: the Java side shows them below its own text. */
export function describe(error) {
  const message = (error && error.message) || String(error);
  return message.split('\n')[0].slice(0, 300);
}

/** Builds an element with a class and text without innerHTML, so labels and names are never read as markup. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  return node;
}
