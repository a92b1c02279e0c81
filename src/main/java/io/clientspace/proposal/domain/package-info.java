/** Proposals, their numbering and attachments, with their repositories; internal to the module. */
package io.clientspace.proposal.domain;
