/** Companies and contacts: the client record every workspace hangs off. */
package io.clientspace.client;
