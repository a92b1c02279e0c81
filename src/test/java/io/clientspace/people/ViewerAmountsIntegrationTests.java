package io.clientspace.people;

import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.AccessLevel;
import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.conversation.ChannelKind;
import io.clientspace.conversation.ChatChannel;
import io.clientspace.conversation.ChatService;
import io.clientspace.deal.Deal;
import io.clientspace.deal.DealDraft;
import io.clientspace.deal.DealService;
import io.clientspace.proposal.Proposal;
import io.clientspace.proposal.ProposalService;
import io.clientspace.proposal.ProposalTestData;
import io.clientspace.reports.ReportFilter;
import io.clientspace.reports.ReportKind;
import io.clientspace.reports.ReportService;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.WorkScope;
import io.clientspace.support.Actors;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15 §1: a firm may keep amounts and the internal chat from colleagues who only view a client. A viewer then
 * reads the deal and the proposal without their money, cannot fetch the priced PDF, has no internal channel, and
 * their reports leave the client out; an editor of the same client and a manager see everything, and switching it
 * back gives the viewer all of it again.
 */
@ClientspaceIntegrationTest
class ViewerAmountsIntegrationTests {

    @Autowired
    ClientService clients;
    @Autowired
    WorkspaceMemberService members;
    @Autowired
    FirmModuleService firm;
    @Autowired
    DealService deals;
    @Autowired
    ProposalService proposals;
    @Autowired
    ChatService chat;
    @Autowired
    ReportService reports;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void viewersSeeAmountsAgain() {
        jdbc.update("update firm_settings set viewers_see_amounts = true where id = 1");
        firm.forgetCache();
    }

    @Test
    void aFirmKeepsAmountsAndTheInternalChatFromViewersButNotFromEditors() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        WorkspaceMember grant = asManager(() -> members.grant(client.id(), "member", AccessLevel.VIEWER, null));
        Deal deal = asManager(() -> deals.create(client.id(), draft()));
        Proposal proposal = asManager(() -> proposals.create(client.id(),
                ProposalTestData.fixedFee("Annual retainer", "4800", LocalDate.now().plusDays(30))));
        WorkScope scope = WorkScope.client(client.id());
        ReportFilter onlyThisClient = new ReportFilter(LocalDate.now().minusYears(1), LocalDate.now().plusYears(1),
                null, client.id(), null, null);

        // by default a viewer reads everything
        assertThat(asMember(() -> deals.get(deal.id())).amount()).isEqualByComparingTo("12000");
        assertThat(asMember(() -> chat.channels(scope))).extracting(ChatChannel::kind)
                .containsExactly(ChannelKind.INTERNAL, ChannelKind.CLIENT);
        assertThat(asMember(() -> reports.run(ReportKind.PIPELINE_STAGES, onlyThisClient)).rows()).hasSize(1);

        asAdmin(() -> firm.letViewersSeeAmounts(false));
        assertThat(asAdmin(() -> firm.overview()).viewersSeeAmounts()).isFalse();

        Deal seen = asMember(() -> deals.get(deal.id()));
        assertThat(seen.title()).isEqualTo("Retainer renewal");
        assertThat(seen.amount()).as("the deal without its amount").isNull();
        assertThat(seen.amountHidden()).isTrue();
        assertThat(asMember(() -> deals.forClient(client.id()))).singleElement()
                .satisfies(d -> assertThat(d.amount()).isNull());
        // the Deals tab's list, as its first page and as a page fetched on scrolling
        var open = io.clientspace.deal.DealFilter.of(io.clientspace.deal.DealFilter.Show.OPEN);
        assertThat(asMember(() -> deals.firstPage(WorkScope.client(client.id()), open, 50)).rows()).singleElement()
                .satisfies(d -> assertThat(d.amount()).isNull());
        assertThat(asMember(() -> deals.page(WorkScope.client(client.id()), open, 0, 50))).singleElement()
                .satisfies(d -> assertThat(d.amount()).isNull());
        Proposal read = asMember(() -> proposals.get(proposal.id()));
        assertThat(read.title()).isEqualTo("Annual retainer");
        assertThat(read.amountsHidden()).isTrue();
        assertThat(read.feeAmount()).isNull();
        assertThat(read.fixedAmount()).isNull();
        assertThat(asMember(() -> proposals.forClient(client.id()))).singleElement()
                .satisfies(p -> assertThat(p.feeAmount()).isNull());
        assertThatThrownBy(() -> asMember(() -> proposals.pdfLink(proposal.id())))
                .as("the priced PDF").isInstanceOf(NoAccessException.class);
        List<ChatChannel> channels = asMember(() -> chat.channels(scope));
        assertThat(channels).extracting(ChatChannel::kind).containsExactly(ChannelKind.CLIENT);
        UUID internal = asManager(() -> chat.channels(scope)).stream()
                .filter(c -> c.kind() == ChannelKind.INTERNAL).findFirst().orElseThrow().id();
        assertThatThrownBy(() -> asMember(() -> chat.history(internal, null)))
                .as("the internal channel by id").isInstanceOf(NoAccessException.class);
        assertThat(asMember(() -> reports.run(ReportKind.PIPELINE_STAGES, onlyThisClient)).rows())
                .as("reports leave out a client the member only views").isEmpty();

        // the manager still sees everything; an editor of the same client too
        assertThat(asManager(() -> deals.get(deal.id())).amount()).isEqualByComparingTo("12000");
        assertThat(asManager(() -> proposals.get(proposal.id())).feeAmount()).isEqualByComparingTo("4800");
        WorkspaceMember editor = asManager(() -> members.change(client.id(), "member", AccessLevel.EDITOR, null,
                grant.version()));
        assertThat(asMember(() -> deals.get(deal.id())).amount()).isEqualByComparingTo("12000");
        assertThat(asMember(() -> chat.channels(scope))).hasSize(2);
        assertThat(asMember(() -> reports.run(ReportKind.PIPELINE_STAGES, onlyThisClient)).rows()).hasSize(1);

        // back to viewer, and the firm lets viewers see amounts again
        asManager(() -> members.change(client.id(), "member", AccessLevel.VIEWER, null, editor.version()));
        asAdmin(() -> firm.letViewersSeeAmounts(true));
        assertThat(asMember(() -> proposals.get(proposal.id())).feeAmount()).isEqualByComparingTo("4800");
        assertThat(asMember(() -> chat.channels(scope))).hasSize(2);
    }

    @Test
    void onlyAnAdminDecidesWhatViewersSee() {
        assertThatThrownBy(() -> asManager(() -> firm.letViewersSeeAmounts(false)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(firm.viewersSeeAmounts()).isTrue();
    }

    private static DealDraft draft() {
        DealDraft d = new DealDraft();
        d.setTitle("Retainer renewal");
        d.setAmount(new BigDecimal("12000"));
        d.setCurrency("EUR");
        d.setExpectedClose(LocalDate.now().plusMonths(1));
        d.setOwner("manager");
        return d;
    }

    private static <T> T asAdmin(Supplier<T> work) {
        return Actors.as("admin", work, "ADMIN", "STAFF");
    }

    private static void asAdmin(Runnable work) {
        Actors.as("admin", () -> {
            work.run();
            return null;
        }, "ADMIN", "STAFF");
    }
}
