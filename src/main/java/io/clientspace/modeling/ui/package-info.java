/** The process owners' pages: models, a model's versions and settings, the editor slot and the audit. */
package io.clientspace.modeling.ui;
