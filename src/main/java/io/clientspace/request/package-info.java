/**
 * Client requests: the client asks the firm for something (portal, or staff on the client's behalf), a decision table
 * triages it, the team resolves it against an SLA, and the client confirms; run by processes/client-request.bpmn.
 */
package io.clientspace.request;
