package io.clientspace.proposal;

import java.util.UUID;

/** A client file that goes with a proposal. */
public record ProposalAttachment(UUID fileId, String name, long sizeBytes) {
}
