/** Proposals to clients: fee models, internal approval by rules, sending to the portal, acceptance and expiry. */
package io.clientspace.proposal;
