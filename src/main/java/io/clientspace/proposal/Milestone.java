package io.clientspace.proposal;

import java.math.BigDecimal;

/** One milestone of a milestone-based fee: what is delivered, and the amount due then. */
public record Milestone(String title, BigDecimal amount) {
}
