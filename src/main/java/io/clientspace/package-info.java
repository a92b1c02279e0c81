/** Clientspace: one workspace per client, a customer portal, and BPMN processes that run the work. */
package io.clientspace;
