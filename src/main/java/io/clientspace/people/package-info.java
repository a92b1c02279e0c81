/**
 * People and permissions: the colleagues a client's managers let into its workspace, at what level and until when,
 * and the access requests they answer; the client module asks it through {@link io.clientspace.client.ClientMemberships}.
 */
package io.clientspace.people;
