package io.clientspace.extranet;

import java.util.List;

/**
 * What an answered access review did: whose access it kept, whose it revoked, and the decisions that came too late
 * because someone had revoked that access already ({@code stale}; nothing was revoked twice). Display names.
 */
public record ReviewOutcome(List<String> kept, List<String> revoked, List<String> stale) {
}
