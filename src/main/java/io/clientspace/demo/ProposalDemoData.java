package io.clientspace.demo;

import io.clientspace.client.Client;
import io.clientspace.deal.Deal;
import io.clientspace.deal.DealService;
import io.clientspace.extranet.PortalAccessPolicy;
import io.clientspace.proposal.FeeModel;
import io.clientspace.proposal.Milestone;
import io.clientspace.proposal.Proposal;
import io.clientspace.proposal.ProposalDraft;
import io.clientspace.proposal.ProposalService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Nordlicht's proposals, one in each state, made through the services and the proposal-approval process: a draft,
 * one waiting for Maria's approval, one pending in Lena Hoffmann's portal, one she accepted, one she declined and
 * one that expired. Runs as the admin inside {@link DemoData}; Lena's answers run as Lena.
 */
@Component
@ConditionalOnProperty(name = "clientspace.demo-data", havingValue = "true")
class ProposalDemoData {

    private static final Logger log = LoggerFactory.getLogger(ProposalDemoData.class);

    private final ProposalService proposals;
    private final DealService deals;
    private final PortalAccessPolicy portalAccess;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ProposalDemoData(ProposalService proposals, DealService deals, PortalAccessPolicy portalAccess, JdbcTemplate jdbc,
                     Clock clock) {
        this.proposals = proposals;
        this.deals = deals;
        this.portalAccess = portalAccess;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Call as the admin, after Lena Hoffmann (username {@code customer}) got her portal access to Nordlicht. */
    void fill(Client nordlicht) {
        fill(nordlicht, "customer");
    }

    /** The same for any client whose portal account {@code username} answers as Lena Hoffmann. */
    void fill(Client nordlicht, String username) {
        LocalDate today = LocalDate.now(clock);
        Deal relaunch = deal(nordlicht, "Website relaunch 2027");
        Deal retainer = deal(nordlicht, "Annual maintenance retainer");

        ProposalDraft draft = draft("Photo archive extension", FeeModel.FIXED_FEE, today.plusDays(30),
                "A searchable archive of the practice's project photos, with tags per building type and year.");
        draft.setFixedAmount(new BigDecimal("6500"));
        proposals.create(nordlicht.id(), draft);

        // 20 % off is over the rules' limit: waits for Maria Keller, the client's owner
        ProposalDraft maintenance = draft("Annual maintenance retainer 2027", FeeModel.RETAINER, today.plusDays(21),
                "Updates, backups, monitoring and up to 6 hours of small changes a month.");
        maintenance.setMonthlyAmount(new BigDecimal("1500"));
        maintenance.setTermMonths(12);
        maintenance.setDiscountPercent(new BigDecimal("20"));
        maintenance.setDealId(retainer == null ? null : retainer.id());
        proposals.submit(proposals.create(nordlicht.id(), maintenance).id());

        ProposalDraft website = draft("Website relaunch 2027", FeeModel.MILESTONE, today.plusDays(30),
                "New website with a project archive and a careers section, launched before the spring fair.\n"
                        + "Includes concept, design, build, content migration and two training sessions.");
        website.setMilestones(List.of(new Milestone("Concept and sitemap", new BigDecimal("9500")),
                new Milestone("Design", new BigDecimal("14000")), new Milestone("Build and launch",
                        new BigDecimal("22500"))));
        website.setDealId(relaunch == null ? null : relaunch.id());
        Proposal pending = proposals.create(nordlicht.id(), website);
        proposals.submit(pending.id());

        ProposalDraft careers = draft("Careers page ahead of the relaunch", FeeModel.HOURLY_RATE,
                today.plusDays(14), "A standalone careers page with the open positions, live two weeks early.");
        careers.setHourlyRate(new BigDecimal("110"));
        careers.setEstimatedHours(new BigDecimal("24"));
        Proposal toAccept = proposals.create(nordlicht.id(), careers);
        proposals.submit(toAccept.id());

        ProposalDraft intranet = draft("Intranet prototype", FeeModel.FIXED_FEE, today.plusDays(14),
                "A clickable prototype of an intranet for the three offices.");
        intranet.setFixedAmount(new BigDecimal("8000"));
        Proposal toDecline = proposals.create(nordlicht.id(), intranet);
        proposals.submit(toDecline.id());

        ProposalDraft fair = draft("Trade fair landing page", FeeModel.FIXED_FEE, today,
                "A one-page site for the spring trade fair stand.");
        fair.setFixedAmount(new BigDecimal("2400"));
        Proposal toExpire = proposals.create(nordlicht.id(), fair);
        proposals.submit(toExpire.id());
        // as if its valid-until day had passed: the model's own timer, fired now
        proposals.expireNow(toExpire.id());

        ProposalDraft signage = draft("Office signage", FeeModel.FIXED_FEE, today.plusDays(21),
                "Door and floor signage for the new Hamburg office.");
        signage.setFixedAmount(new BigDecimal("3200"));
        Proposal toWithdraw = proposals.create(nordlicht.id(), signage);
        proposals.submit(toWithdraw.id());
        proposals.withdraw(toWithdraw.id(), "The Hamburg office opens a year later; we will send a new proposal then.");

        List<UUID> lena = jdbc.queryForList("select id from portal_account where username = ?"
                + " and client_id = ? and status = 'ACTIVE'", UUID.class, username, nordlicht.id());
        if (lena.isEmpty()) {
            log.warn("Lena Hoffmann has no active portal account: her demo answers are left out");
            return;
        }
        DemoActors.customer(username, "Lena Hoffmann", nordlicht.id(), () -> {
            var lenasScope = portalAccess.current().orElseThrow();
            proposals.accept(lenasScope, toAccept.id(), "Lena Hoffmann", "192.0.2.10");
            proposals.decline(lenasScope, toDecline.id(),
                    "We will build the intranet with our IT partner after all.", "192.0.2.10");
            return null;
        });
    }

    private ProposalDraft draft(String title, FeeModel model, LocalDate validUntil, String scope) {
        ProposalDraft d = new ProposalDraft();
        d.setTitle(title);
        d.setFeeModel(model);
        d.setCurrency("EUR");
        d.setValidUntil(validUntil);
        d.setScope(scope);
        return d;
    }

    private Deal deal(Client client, String title) {
        return deals.forClient(client.id()).stream().filter(d -> d.title().equals(title) && d.isOpen()).findFirst()
                .orElse(null);
    }

}
