package io.clientspace.document;

/** Where a document stands: being written, waiting for someone (signature, approval), or ready with a final version. */
public enum DocumentStatus { DRAFT, PENDING, READY }
