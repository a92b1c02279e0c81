package io.clientspace.modeling;

import static io.clientspace.support.Actors.as;
import static io.clientspace.support.Actors.asManager;

import io.clientspace.client.Client;
import io.clientspace.client.ClientTestData;
import io.clientspace.deal.Deal;
import io.clientspace.deal.DealDraft;
import io.clientspace.deal.DealService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Supplier;

/** What the modeling tests share: acting as a process owner, and a deal that runs on deal-stages. */
final class ModelingTests {

    private ModelingTests() {
    }

    /** Runs {@code work} as "paula", a process owner and nothing else. */
    static <T> T asOwner(Supplier<T> work) {
        return as("paula", work, "PROCESS_OWNER", "STAFF");
    }

    /** A new deal of the manager's on {@code client}: its deal-stages instance waits at the New stage. */
    static Deal runningDeal(DealService deals, Client client, String title) {
        DealDraft draft = new DealDraft();
        draft.setTitle(ClientTestData.unique(title));
        draft.setAmount(new BigDecimal("5000"));
        draft.setExpectedClose(LocalDate.now().plusMonths(1));
        draft.setOwner("manager");
        return asManager(() -> deals.create(client.id(), draft));
    }
}
