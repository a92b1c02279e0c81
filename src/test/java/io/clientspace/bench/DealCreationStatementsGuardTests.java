package io.clientspace.bench;

import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.client.AccessLevel;
import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.deal.Deal;
import io.clientspace.deal.DealService;
import io.clientspace.deal.DealTestData;
import io.clientspace.devservices.TestClock;
import io.clientspace.people.WorkspaceMemberService;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 19's guard on deal creation in the normal build: what {@code DealService.create} sends to PostgreSQL, recorded
 * at the DataSource (the benchmark times it; this keeps the statements it saved from creeping back). The client's
 * owner is read once; its grants only when the answer needs them, and then once.
 */
@ClientspaceIntegrationTest
class DealCreationStatementsGuardTests {

    /**
     * 13 today: the engine's 11 for starting deal-stages and reading its first task, less the task read, plus the
     * deal, its timeline entry and its task row.
     */
    static final int CREATION_STATEMENTS_MAX = 13;

    @Autowired
    ClientService clients;
    @Autowired
    DealService deals;
    @Autowired
    WorkspaceMemberService members;
    @Autowired
    Clock clock;

    @Test
    void aManagerCreatingADealForAManagerSendsNoPermissionReadAndAtMostTheCap() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        SqlRecorder.Result<Deal> created;
        // the clock stands still so that the deal stages' latest version, warmed up by the first creation, is not
        // asked again in between (DealStages.LATEST_FOR)
        try (TestClock.Unpin still = TestClock.pin(clock.instant())) {
            asManager(() -> deals.create(client.id(), DealTestData.draft("manager")));   // warms caches up
            created = SqlRecorder.record(() -> asManager(() -> deals.create(client.id(),
                    DealTestData.draft("manager"))));
        }

        assertThat(created.value().owner()).isEqualTo("manager");
        List<String> sql = created.statements().stream().map(s -> s.sql().toLowerCase(Locale.ROOT)).toList();
        assertThat(sql).as("statements of one deal creation").hasSizeLessThanOrEqualTo(CREATION_STATEMENTS_MAX);
        assertThat(sql).filteredOn(s -> s.contains("workspace_member")).as("reads of the client's grants").isEmpty();
        // a manager may work on every client and give deals to any manager: the deal row's foreign key is what proves
        // the client is there (DealServiceIntegrationTests refuses a missing one)
        assertThat(sql).filteredOn(DealCreationStatementsGuardTests::readsTheClient).as("reads of the client's owner")
                .isEmpty();
    }

    @Test
    void givingTheDealToAColleagueLetInReadsTheGrantsOnce() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        asManager(() -> members.grant(client.id(), "member", AccessLevel.EDITOR, null));

        SqlRecorder.Result<Deal> created = SqlRecorder.record(() -> asManager(() -> deals.create(client.id(),
                DealTestData.draft("member"))));

        assertThat(created.value().owner()).isEqualTo("member");
        List<String> sql = created.statements().stream().map(s -> s.sql().toLowerCase(Locale.ROOT)).toList();
        assertThat(sql).filteredOn(s -> s.contains("workspace_member")).as("reads of the client's grants").hasSize(1);
        assertThat(sql).filteredOn(DealCreationStatementsGuardTests::readsTheClient).as("reads of the client's owner")
                .hasSize(1);
    }

    @Test
    void aMemberCreatingADealOnTheirOwnClientReadsItsOwnerOnceAndNoGrant() {
        Client client = asManager(() -> clients.create(ClientTestData.company("member"), false));

        SqlRecorder.Result<Deal> created = SqlRecorder.record(() -> asMember(() -> deals.create(client.id(),
                DealTestData.draft("member"))));

        assertThat(created.value().owner()).isEqualTo("member");
        List<String> sql = created.statements().stream().map(s -> s.sql().toLowerCase(Locale.ROOT)).toList();
        assertThat(sql).filteredOn(DealCreationStatementsGuardTests::readsTheClient).as("reads of the client's owner")
                .hasSize(1);
        assertThat(sql).filteredOn(s -> s.contains("workspace_member")).as("reads of the client's grants").isEmpty();
    }

    private static boolean readsTheClient(String sql) {
        return sql.matches("(?s)\\s*select\\b.*\\bfrom client\\b.*");
    }
}
