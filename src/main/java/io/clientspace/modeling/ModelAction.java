package io.clientspace.modeling;

/** What a process owner did to a model; each is one audit row, and the first five each make a new version. */
public enum ModelAction {
    /** A model edited in the app's editor. */
    DEPLOY,
    /** A .bpmn or .dmn file uploaded, e.g. saved in Camunda Modeler. */
    UPLOAD,
    /** The firm settings form: new defaults for a model's timers. */
    SETTINGS,
    /** An earlier version deployed again as the newest. */
    ROLLBACK,
    /** A file deployed from Camunda Modeler's Deploy dialog through /engine-rest/deployment/create. */
    MODELER,
    /** Running instances moved from one version to another. */
    MIGRATION,
    /** A failed job given another try. */
    RETRY
}
