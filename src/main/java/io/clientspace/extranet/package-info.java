/** External access: which customer identities may use the portal on behalf of a client. */
package io.clientspace.extranet;
