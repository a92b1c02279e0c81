package io.clientspace.drills;

import static io.clientspace.support.Actors.as;
import static io.clientspace.support.Actors.asManager;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.conversation.ChatChannel;
import io.clientspace.conversation.ChatDraft;
import io.clientspace.conversation.ChatMessage;
import io.clientspace.conversation.ChatService;
import io.clientspace.deal.Deal;
import io.clientspace.deal.DealService;
import io.clientspace.proposal.Proposal;
import io.clientspace.proposal.ProposalDraft;
import io.clientspace.proposal.ProposalService;
import io.clientspace.proposal.ProposalStatus;
import io.clientspace.proposal.ProposalTestData;
import io.clientspace.proposal.process.ProposalApprovalProcess;
import io.clientspace.shared.WorkScope;
import io.clientspace.shared.live.ClientChanges;
import io.clientspace.support.Race;
import jakarta.mail.MessagingException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two app nodes of one installation: two whole app contexts, each with its own web server, engine and job executor,
 * on one PostgreSQL database (the drills' own, {@link DrillServices}). What must hold is what a load balancer in front
 * of them would rely on.
 */
class TwoNodesDrillTests {

    static DrillServices services;
    static DrillNode a;
    static DrillNode b;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        services = DrillServices.get();
        String database = services.postgres.createDatabase("drill_nodes");
        // the job executors look for due jobs every second rather than backing off to a minute when idle
        Map<String, Object> quickJobs = Map.of("camunda.bpm.job-execution.max-wait", "1000",
                "camunda.bpm.job-execution.wait-time-in-millis", "200");
        a = DrillNode.start("node-a", database, quickJobs);
        b = DrillNode.start("node-b", database, quickJobs);
        jdbc = a.bean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        for (DrillNode node : new DrillNode[] {b, a}) {
            if (node != null) {
                node.close();
            }
        }
    }

    /**
     * <b>Fault:</b> none but the cluster itself: a colleague on node A adds a deal to a client that another colleague,
     * sent to node B by the load balancer, has open.
     * <b>The user sees:</b> the open workspace on node B refreshes its counters.
     * <b>Afterwards:</b> node B heard that client, and only that client, changed (PostgreSQL LISTEN/NOTIFY, sent on
     * commit by node A).
     */
    @Test
    void aChangeOnNodeAReachesOpenWorkspacesOnNodeB() throws Exception {
        ClientService clients = a.bean(ClientService.class);
        Client watched = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        Client other = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        var heardOnB = new LinkedBlockingQueue<UUID>();
        try (AutoCloseable ignored = b.bean(ClientChanges.class).subscribe(watched.id(), heardOnB::add)) {
            asManager(() -> a.bean(DealService.class).create(other.id(), Drills.deal("Not watched")));
            asManager(() -> a.bean(DealService.class).create(watched.id(), Drills.deal("Watched")));

            assertThat(heardOnB.poll(20, TimeUnit.SECONDS)).as("node B hears the change made on node A")
                    .isEqualTo(watched.id());
        }
    }

    /**
     * <b>Fault:</b> none but the cluster itself: a colleague on node A writes in a chat channel that another colleague,
     * sent to node B, has open.
     * <b>The user sees:</b> the message appears on node B's page.
     * <b>Afterwards:</b> node B heard the channel's id and the message's id (PostgreSQL LISTEN/NOTIFY, sent on commit
     * by node A) and read the message from the database itself.
     */
    @Test
    void aChatMessagePostedOnNodeAReachesAListenerOnNodeB() throws Exception {
        Client client = asManager(() -> a.bean(ClientService.class).create(ClientTestData.company("manager"), false));
        List<ChatChannel> channels = asManager(() -> a.bean(ChatService.class).channels(WorkScope.client(client.id())));
        UUID watched = channels.get(0).id();
        UUID other = channels.get(1).id();
        var heardOnB = new LinkedBlockingQueue<UUID>();
        try (AutoCloseable ignored = b.bean(ClientChanges.class).subscribeItems(watched, heardOnB::add)) {
            asManager(() -> a.bean(ChatService.class).post(other, ChatDraft.text("Not in the watched channel")));
            ChatMessage posted = asManager(() -> a.bean(ChatService.class).post(watched,
                    ChatDraft.text("Hello from node A")));

            UUID heard = heardOnB.poll(20, TimeUnit.SECONDS);
            assertThat(heard).as("node B hears the message posted on node A").isEqualTo(posted.id());
            assertThat(asManager(() -> b.bean(ChatService.class).message(watched, heard)))
                    .as("node B reads it from the database").map(ChatMessage::body).contains("Hello from node A");
            assertThat(heardOnB).as("nothing from the other channel").isEmpty();
        }
    }

    /**
     * <b>Fault:</b> stall timers of eight deals fall due while both nodes' job executors are looking for due jobs.
     * <b>The user sees:</b> each deal flagged as stalled, one entry on the timeline and one mail to its owner.
     * <b>Afterwards:</b> each timer fired exactly once in the whole cluster: one timer activity in the engine's
     * history, one timeline entry and one mail per deal.
     */
    @Test
    void eachTimerFiresExactlyOnceAcrossBothNodes() {
        Client client = asManager(() -> a.bean(ClientService.class).create(ClientTestData.company("manager"), false));
        List<Deal> deals = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String title = "Timer " + i + " " + UUID.randomUUID().toString().substring(0, 8);
            deals.add(asManager(() -> a.bean(DealService.class).create(client.id(), Drills.deal(title))));
        }
        ManagementService management = a.bean(ManagementService.class);
        Date due = Date.from(Instant.now().minusSeconds(1));
        for (Deal deal : deals) {
            String instance = jdbc.queryForObject("select process_instance_id from deal where id = ?", String.class,
                    deal.id());
            management.createJobQuery().processInstanceId(instance).timers().list()
                    .forEach(job -> management.setJobDuedate(job.getId(), due));
        }

        Drills.await("every deal stalled", Duration.ofSeconds(60), () -> jdbc.queryForObject(
                "select count(*) from deal where client_id = ? and stalled_at is not null", Integer.class,
                client.id()) == deals.size());
        Drills.await("every stall mail delivered", Duration.ofSeconds(60),
                () -> deals.stream().allMatch(d -> stallMails(d) >= 1));
        for (Deal deal : deals) {
            assertThat(jdbc.queryForObject("""
                    select count(*) from act_hi_actinst h join deal d on d.process_instance_id = h.proc_inst_id_
                    where d.id = ? and h.act_type_ = 'boundaryTimer'""", Integer.class, deal.id()))
                    .as("timer activities of " + deal.title()).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from timeline_entry where subject_id = ?"
                    + " and kind = 'DEAL_STALLED'", Integer.class, deal.id()))
                    .as("stall entries of " + deal.title()).isEqualTo(1);
            assertThat(stallMails(deal)).as("stall mails of " + deal.title()).isEqualTo(1);
        }
        Drills.assertNoHalfWrittenRecords(jdbc);
    }

    /**
     * <b>Fault:</b> two managers, on different nodes, decide the same proposal at the same moment: one approves it
     * on node A, the other returns it to its owner on node B. Five rounds, each on a fresh proposal, both calls
     * released by one barrier.
     * <b>The user sees:</b> both get a normal answer: the proposal as it now is; nobody gets an error.
     * <b>Afterwards:</b> exactly one outcome per proposal (sent, or a draft again), one decision on its timeline,
     * and no approval task left open.
     */
    @Test
    void twoManagersOnTwoNodesDecidingOneProposalGiveExactlyOneOutcome() throws Exception {
        Client client = asManager(() -> a.bean(ClientService.class).create(ClientTestData.company("manager"), false));
        // somebody on the customer's side who could read a sent proposal (an active portal contact)
        jdbc.update("""
                insert into portal_account (id, client_id, username, email, display_name, status, granted_by,
                                            granted_at, role)
                values (?, ?, ?, ?, 'Drill Customer', 'ACTIVE', 'manager', ?, 'APPROVER')""",
                UUID.randomUUID(), client.id(), "drill-" + client.id(), "drill-" + client.id() + "@example.org",
                Timestamp.from(Instant.now()));
        for (int round = 0; round < 5; round++) {
            ProposalDraft draft = ProposalTestData.fixedFee("Raced " + round + " " + UUID.randomUUID(), "10000",
                    LocalDate.now().plusDays(30));
            draft.setDiscountPercent(new BigDecimal("20"));
            Proposal p = asManager(() -> a.bean(ProposalService.class).create(client.id(), draft));
            assertThat(asManager(() -> a.bean(ProposalService.class).submit(p.id())).status())
                    .isEqualTo(ProposalStatus.AWAITING_APPROVAL);

            List<Race.Result> results = Race.atOnce(List.of(
                    () -> as("jonas", () -> a.bean(ProposalService.class).approve(p.id()), "STAFF", "MANAGER"),
                    () -> as("admin", () -> b.bean(ProposalService.class).returnToOwner(p.id(), "Not like this"),
                            "STAFF", "ADMIN")));

            assertThat(results).as("neither manager gets an error").noneMatch(Race.Result::failed);
            ProposalStatus outcome = asManager(() -> a.bean(ProposalService.class).get(p.id())).status();
            assertThat(outcome).as("one outcome").isIn(ProposalStatus.SENT, ProposalStatus.DRAFT);
            assertThat(results).as("both answers show that outcome").allSatisfy(r ->
                    assertThat(((Proposal) r.value()).status()).isEqualTo(outcome));
            assertThat(jdbc.queryForObject("select count(*) from timeline_entry where subject_id = ?"
                    + " and kind in ('PROPOSAL_APPROVED', 'PROPOSAL_RETURNED')", Integer.class, p.id()))
                    .as("decisions on the timeline").isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from work_task where client_id = ?"
                    + " and completed_at is null and process_step = ?", Integer.class, client.id(),
                    ProposalApprovalProcess.APPROVE_TASK))
                    .as("open approval tasks").isZero();
        }
        Drills.assertNoHalfWrittenRecords(jdbc);
    }

    private static long stallMails(Deal deal) {
        String subject = "Your deal \"" + deal.title() + "\" has stalled";
        return services.smtp.received().stream().filter(m -> {
            try {
                return subject.equals(m.getSubject());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }
}
