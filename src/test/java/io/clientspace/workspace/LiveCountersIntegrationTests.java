package io.clientspace.workspace;

import static io.clientspace.support.Actors.asManager;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.deal.DealDraft;
import io.clientspace.deal.DealService;
import io.clientspace.shared.live.ClientChanges;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An open workspace hears about changes to its client, made anywhere, through PostgreSQL LISTEN/NOTIFY. */
@ClientspaceIntegrationTest
class LiveCountersIntegrationTests {

    @Autowired
    ClientService clients;
    @Autowired
    DealService deals;
    @Autowired
    ClientChanges changes;

    @Test
    void aCommittedDealNotifiesSubscribersOfThatClientOnly() throws Exception {
        Client watched = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        Client other = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        var heard = new LinkedBlockingQueue<UUID>();
        try (AutoCloseable ignored = changes.subscribe(watched.id(), heard::add)) {
            asManager(() -> deals.create(other.id(), draft()));
            asManager(() -> deals.create(watched.id(), draft()));

            assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo(watched.id());
        }
    }

    @Test
    void aChangeOnlyTheTimelineRecordsNotifiesThroughItsEntry() throws Exception {
        // a deal edit sends no NOTIFY of its own: the trigger on its timeline entry's insert does (DD023)
        Client watched = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        var heard = new LinkedBlockingQueue<UUID>();
        try (AutoCloseable ignored = changes.subscribe(watched.id(), heard::add)) {
            var deal = asManager(() -> deals.create(watched.id(), draft()));
            assertThat(heard.poll(10, TimeUnit.SECONDS)).as("the creation's notice").isEqualTo(watched.id());

            DealDraft edit = draft();
            edit.setTitle("Retainer, renewed");
            asManager(() -> deals.edit(deal.id(), deal.version(), edit));

            assertThat(heard.poll(10, TimeUnit.SECONDS)).as("the edit's notice").isEqualTo(watched.id());
        }
    }

    static DealDraft draft() {
        DealDraft d = new DealDraft();
        d.setTitle("Retainer");
        d.setAmount(new BigDecimal("1000"));
        d.setCurrency("EUR");
        d.setExpectedClose(LocalDate.now().plusDays(30));
        d.setOwner("manager");
        return d;
    }
}
