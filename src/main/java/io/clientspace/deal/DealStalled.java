package io.clientspace.deal;

import java.time.Instant;
import java.util.UUID;

/** An open deal sat in its stage for the model's stall period without moving. */
public record DealStalled(UUID dealId, UUID clientId, String dealTitle, DealStage stage, String owner, Instant since) {
}
