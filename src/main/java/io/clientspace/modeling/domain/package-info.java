/** The modeling module's own tables: versions deployed from the app, and the audit. */
package io.clientspace.modeling.domain;
