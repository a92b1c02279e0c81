package io.clientspace.deal;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The engine created the user task for a deal's stage. The task module keeps its own row for it, so lists and
 * counters never scan the engine.
 */
public record DealStepOpened(UUID dealId, UUID clientId, String dealTitle, String engineTaskId, String processStep,
                             String assignee, LocalDate due) {
}
