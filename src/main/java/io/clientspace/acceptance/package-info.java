/** Formal acceptance of one document version by the customer, with its evidence, run by document-acceptance.bpmn. */
package io.clientspace.acceptance;
