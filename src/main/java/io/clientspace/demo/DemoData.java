package io.clientspace.demo;

import io.clientspace.conversation.ProjectConversationService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;
import io.clientspace.client.Client;
import io.clientspace.client.ClientDraft;
import io.clientspace.client.ClientKind;
import io.clientspace.client.ClientService;
import io.clientspace.deal.Deal;
import io.clientspace.deal.DealDraft;
import io.clientspace.deal.DealService;
import io.clientspace.deal.StageMove;
import io.clientspace.document.DocumentService;
import io.clientspace.document.DocumentStatus;
import io.clientspace.document.DocumentType;
import io.clientspace.extranet.AccessReviewService;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.extranet.PortalContactDraft;
import io.clientspace.extranet.PortalRole;
import io.clientspace.file.FileService;
import io.clientspace.project.ClientProject;
import io.clientspace.project.ProjectDraft;
import io.clientspace.project.ProjectService;
import io.clientspace.project.ProjectStatus;
import io.clientspace.task.TaskDraft;
import io.clientspace.task.TimeEntryDraft;
import io.clientspace.task.TaskPriority;
import io.clientspace.task.WorkTask;
import io.clientspace.task.WorkTaskService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills an empty database with a believable book of clients: companies and their contacts, owned by the demo staff,
 * with deals spread over the stages. It goes through the services, so every rule and the deal-stages process apply.
 */
@Component
@ConditionalOnProperty(name = "clientspace.demo-data", havingValue = "true")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final ClientService clients;
    private final DealService deals;
    private final ExternalAccessService externalAccess;
    private final WorkTaskService tasks;
    private final DocumentService documents;
    private final FileService files;
    private final ProjectService projects;
    private final ProjectConversationService conversation;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AcceptanceDemoData acceptanceDemo;
    private final RequestDemoData requestDemoData;
    private final ClientRequestDemoData clientRequestDemo;
    private final ProposalDemoData proposalDemo;
    private final AccessReviewService accessReviews;

    DemoData(AcceptanceDemoData acceptanceDemo, ClientService clients, DealService deals, ExternalAccessService externalAccess, WorkTaskService tasks,
             DocumentService documents, FileService files, ProjectService projects, JdbcTemplate jdbc, Clock clock,
             ProjectConversationService conversation, RequestDemoData requestDemoData,
             ProposalDemoData proposalDemo, AccessReviewService accessReviews,
             ClientRequestDemoData clientRequestDemo) {
        this.clientRequestDemo = clientRequestDemo;
        this.proposalDemo = proposalDemo;
        this.requestDemoData = requestDemoData;
        this.acceptanceDemo = acceptanceDemo;
        this.conversation = conversation;
        this.projects = projects;
        this.documents = documents;
        this.files = files;
        this.clients = clients;
        this.deals = deals;
        this.externalAccess = externalAccess;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.clock = clock;
        this.accessReviews = accessReviews;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        DemoActors.admin(() -> {
            if (clients.count(null, null) > 0) {
                return null;
            }
            fill();
            return null;
        });
    }

    private void fill() {
        LocalDate today = LocalDate.now(clock);
        Client nordlicht = company("Nordlicht Architekten GmbH", "Architecture", "manager", "info@nordlicht.example",
                "+49 40 3344 5500", "Große Elbstraße 145", "22767", "Hamburg", "Germany", "DE298765431",
                List.of("key account", "retainer"), "Prefers calls on Tuesdays. Invoices go to accounting@.");
        Client havel = company("Havel & Spree Steuerberatung", "Tax advisory", "jonas", "kanzlei@havelspree.example",
                "+49 30 2045 1180", "Friedrichstraße 68", "10117", "Berlin", "Germany", "DE311224567",
                List.of("tax"), null);
        Client alpen = company("Alpenblick Hotels AG", "Hospitality", "manager", "office@alpenblick.example",
                "+43 512 908 770", "Maria-Theresien-Straße 18", "6020", "Innsbruck", "Austria", "ATU65432198",
                List.of("hospitality", "multi-site"), "Three hotels; decisions are made by the board in March.");
        Client volga = company("Volga Logistics LLC", "Logistics", "jonas", "contact@volgalogistics.example",
                "+7 495 123 45 67", "Leningradsky Prospekt 39", "125167", "Moscow", "Russia", null,
                List.of("logistics"), null);
        Client brightside = company("Brightside Dental Group", "Healthcare", "member", "hello@brightside.example",
                "+44 20 7946 0321", "14 Harley Street", "W1G 9PQ", "London", "United Kingdom", "GB123456789",
                List.of("healthcare"), null);
        Client kessler = company("Kessler Maschinenbau KG", "Manufacturing", "manager", "vertrieb@kessler.example",
                "+49 711 889 200", "Industriestraße 12", "70565", "Stuttgart", "Germany", "DE187654320",
                List.of("manufacturing", "key account"), null);

        contact("Lena Hoffmann", nordlicht, "Managing partner", "manager", "lena.hoffmann@nordlicht.example",
                "+49 40 3344 5501");
        contact("Paul Richter", havel, "Partner", "jonas", "paul.richter@havelspree.example", "+49 30 2045 1181");
        contact("Sophie Gruber", alpen, "CFO", "manager", "sophie.gruber@alpenblick.example", "+43 512 908 771");
        contact("Dmitri Sokolov", volga, "Head of procurement", "jonas", "d.sokolov@volgalogistics.example",
                "+7 495 123 45 68");
        contact("Emily Clarke", brightside, "Practice manager", "member", "emily.clarke@brightside.example",
                "+44 20 7946 0322");
        contact("Marco Bianchi", null, "Independent consultant", "member", "marco@bianchi-consulting.example",
                "+39 02 8734 1100");

        deal(nordlicht, "Website relaunch 2027", "48000", "manager", today.plusMonths(2), 2, today.plusDays(5),
                "Workshop with the partners");
        deal(nordlicht, "Annual maintenance retainer", "18000", "manager", today.plusMonths(1), 0, today.plusDays(2),
                "Send rate card");
        deal(havel, "Client portal for tax returns", "32500", "jonas", today.plusMonths(3), 1, today.plusDays(7),
                "Scope call with Paul");
        deal(alpen, "Booking engine integration", "75000", "manager", today.plusMonths(4), 3, today.plusDays(3),
                "Final price negotiation");
        Deal fleet = deal(volga, "Fleet dashboard", "54000", "jonas", today.plusMonths(2), 0, today.minusDays(0),
                "Qualify budget owner");
        // as if it had sat in New for the whole stall period: the model's own timer, fired now
        deals.fireStallTimerNow(fleet.id());
        deal(alpen, "Spa booking integration", "18000", "manager", today.plusMonths(3), 0, null, null);
        deal(brightside, "Patient onboarding flow", "21000", "member", today.plusMonths(1), 1, today.plusDays(4),
                "Demo for the practice managers");
        deal(kessler, "Spare-parts shop", "96000", "manager", today.plusMonths(5), 2, today.plusDays(10),
                "Proposal review meeting");
        Deal won = deal(kessler, "Trade fair microsite", "12000", "manager", today.plusDays(20), 3, today.plusDays(1),
                "Sign contract");
        deals.moveOn(won.id(), won.stage(), StageMove.won("Their marketing lead knew our trade-fair work"));
        Deal lost = deal(alpen, "Staff scheduling app", "39000", "manager", today.plusMonths(1), 1, today.plusDays(2),
                "Call back");
        deals.moveOn(lost.id(), lost.stage(), StageMove.lost("Chose an off-the-shelf product with a lower licence price"));

        task(nordlicht, "Collect the signed framework agreement", "Scan it and file it under Documents.", "manager",
                today.minusDays(3), TaskPriority.HIGH);
        task(nordlicht, "Prepare the quarterly review slides", null, null, today.plusDays(2), TaskPriority.NORMAL);
        task(nordlicht, "Check the VAT ID on the last invoice", null, "jonas", today.plusDays(9), TaskPriority.LOW);
        task(havel, "Request the annual statements", "Ask for 2025 and the first half of 2026.", "jonas",
                today.minusDays(1), TaskPriority.URGENT);
        task(alpen, "Draft the board presentation", null, null, null, TaskPriority.NORMAL);
        task(brightside, "Confirm the demo date with the practice managers", null, "member", today.plusDays(1),
                TaskPriority.NORMAL);

        // Nordlicht: signed contract, invoice waiting for payment, no acceptance act yet (a missing key document)
        var contract = documents.create(nordlicht.id(), "Framework agreement 2026", DocumentType.CONTRACT,
                "framework-agreement-2026.pdf", demoPdf("Framework agreement 2026, signed"));
        var signed = documents.versions(contract.id()).get(0);
        documents.markFinal(contract.id(), signed.id(), contract.version());
        var invoice = documents.create(nordlicht.id(), "Invoice 2026-114", DocumentType.INVOICE,
                "invoice-2026-114.pdf", demoPdf("Invoice 2026-114"));
        documents.setStatus(invoice.id(), DocumentStatus.PENDING, invoice.version());
        files.upload(nordlicht.id(), "site-plan-elbe-offices.pdf", demoPdf("Site plan, Elbe offices"));
        files.upload(nordlicht.id(), "kick-off-notes.txt", demoText("Kick-off 12 May: scope, budget owner, next steps"));

        // a project on Nordlicht whose work group holds the member, who cannot open Nordlicht itself
        ProjectDraft relaunch = new ProjectDraft();
        relaunch.setName("Website relaunch 2027");
        relaunch.setDescription("New website with a project archive and a careers section; launch before the spring fair.");
        relaunch.setStatus(ProjectStatus.ACTIVE);
        relaunch.setStart(today.minusWeeks(3));
        relaunch.setEnd(today.plusMonths(4));
        relaunch.setOwner("manager");
        ClientProject project = projects.create(nordlicht.id(), relaunch);
        projects.addMember(project.id(), "member");
        projects.addMember(project.id(), "jonas");
        TaskDraft sitemap = new TaskDraft();
        sitemap.setTitle("Agree the sitemap with Lena Hoffmann");
        sitemap.setAssignee("member");
        sitemap.setDue(today.plusDays(4));
        sitemap.setPriority(TaskPriority.HIGH);
        WorkTask sitemapTask = tasks.create(project.scope(), sitemap);
        // hours booked on the project, which the customer's portal sums up
        tasks.bookTime(sitemapTask.id(), new TimeEntryDraft(new BigDecimal("3.5"), today.minusDays(6), true,
                "Sitemap workshop with Lena Hoffmann"));
        tasks.bookTime(sitemapTask.id(), new TimeEntryDraft(new BigDecimal("2"), today.minusDays(5), true,
                "Sitemap draft"));
        tasks.bookTime(sitemapTask.id(), new TimeEntryDraft(new BigDecimal("1.25"), today.minusDays(4),
                false, "Internal review"));
        TaskDraft photos = new TaskDraft();
        photos.setTitle("Collect project photos for the archive");
        photos.setPriority(TaskPriority.NORMAL);
        tasks.create(project.scope(), photos);
        var moodboard = files.upload(project.scope(), "relaunch-moodboard.pdf",
                demoPdf("Moodboard, website relaunch"));
        var sow = documents.create(project.scope(), "Statement of work: website relaunch", DocumentType.CONTRACT,
                "sow-website-relaunch.pdf", demoPdf("Statement of work, website relaunch"));
        // kept internal: the portal must not show these
        files.upload(project.scope(), "relaunch-effort-estimate.txt",
                demoText("Internal effort estimate: 180 h design, 240 h build; rates on the rate card"));
        documents.create(project.scope(), "Subcontractor quote: photography", DocumentType.OTHER,
                "quote-photography.pdf", demoPdf("Subcontractor quote, photography"));

        for (var grant : List.of(new Object[] {nordlicht, "customer"}, new Object[] {havel, "customer2"})) {
            try {
                externalAccess.grantExisting(((Client) grant[0]).id(), (String) grant[1]);
            } catch (RuntimeException e) {
                log.warn("Could not link portal user {}: {}", grant[1], e.getMessage());
            }
        }
        // Nordlicht's portal: the relaunch project with its tasks, the statement of work and the moodboard
        projects.setSharing(project.id(), true, true);
        documents.setShared(sow.id(), true);
        files.setShared(moodboard.id(), true);
        // the customer wrote two days ago (a message in the past, so straight into the project's client channel)
        UUID clientChannel = UUID.randomUUID();
        Timestamp twoDaysAgo = Timestamp.from(clock.instant().minus(Duration.ofDays(2)));
        jdbc.update("insert into chat_channel (id, client_id, project_id, kind, created_at) values (?, ?, ?, 'CLIENT', ?)",
                clientChannel, nordlicht.id(), project.id(), twoDaysAgo);
        jdbc.update("""
                insert into chat_message (id, channel_id, author_kind, author, author_name, body, created_at)
                values (?, ?, 'CUSTOMER', 'customer', 'Lena Hoffmann', ?, ?)""", UUID.randomUUID(), clientChannel,
                "Could the careers section go live before the rest of the site?", twoDaysAgo);
        conversation.answer(project.id(), "Yes: we can launch it two weeks early as a standalone page. We will add it to "
                + "the plan for the next review.");
        // the demo customers' roles on their side
        jdbc.update("update portal_account set role = 'DECISION_MAKER' where username = 'customer'");
        jdbc.update("update portal_account set role = 'BILLING' where username = 'customer2'");
        // one contact invited and waiting for the first sign-in (the mail is in the sandbox), one not invited yet
        try {
            externalAccess.addContact(nordlicht.id(), new PortalContactDraft("Jan Vogel", "jan.vogel@nordlicht.example",
                    PortalRole.APPROVER), true);
            externalAccess.addContact(alpen.id(), new PortalContactDraft("Sophie Gruber",
                    "sophie.gruber@alpenblick.example", PortalRole.DECISION_MAKER), false);
            externalAccess.addContact(nordlicht.id(), new PortalContactDraft("Felix Krause",
                    "felix.krause@nordlicht.example", PortalRole.BILLING), false);
        } catch (RuntimeException e) {
            log.warn("Could not invite the demo portal contacts: {}", e.getMessage());
        }
        proposalDemo.fill(nordlicht);
        requestDemoData.fill(project);
        clientRequestDemo.fill(project);
        try {
            acceptanceDemo.fill(nordlicht.id(), project.id(), demoPdf("Acceptance act, design phase"),
                    demoPdf("Content plan, first draft"));
        } catch (RuntimeException e) {
            log.warn("Could not load the demo acceptances: {}", e.getMessage());
        }
        // Lena signed in before (her activity is the review's evidence); Nordlicht's access review waits for Maria
        externalAccess.recordSignIn("customer");
        try {
            accessReviews.reviewNow(nordlicht.id());
        } catch (RuntimeException e) {
            log.warn("Could not open the demo access review: {}", e.getMessage());
        }
        log.info("Demo data loaded: {} clients", clients.count(null, null));
    }

    /**
     * A task as if created earlier: nobody can create a task due in the past, so an overdue one gets its due date
     * moved back after creation, the way time would have.
     */
    private void task(Client client, String title, String description, String assignee, LocalDate due,
                      TaskPriority priority) {
        TaskDraft d = new TaskDraft();
        d.setTitle(title);
        d.setDescription(description);
        d.setAssignee(assignee);
        LocalDate today = LocalDate.now(clock);
        d.setDue(due != null && due.isBefore(today) ? today : due);
        d.setPriority(priority);
        WorkTask task = tasks.create(client.id(), d);
        if (due != null && due.isBefore(today)) {
            jdbc.update("update work_task set due_date = ? where id = ?", due, task.id());
        }
    }

    /** A small real PDF as a temporary file; the document keeps its own copy in object storage. */
    static Path demoPdf(String text) {
        try {
            Path file = Files.createTempFile("clientspace-demo", ".pdf");
            file.toFile().deleteOnExit();
            return Files.writeString(file, "%PDF-1.4\n% " + text
                    + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path demoText(String text) {
        try {
            Path file = Files.createTempFile("clientspace-demo", ".txt");
            file.toFile().deleteOnExit();
            return Files.writeString(file, text + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Client company(String name, String industry, String owner, String email, String phone, String street,
                           String postalCode, String city, String country, String vatId, List<String> tags,
                           String notes) {
        ClientDraft d = new ClientDraft();
        d.setKind(ClientKind.COMPANY);
        d.setName(name);
        d.setLegalName(name);
        d.setIndustry(industry);
        d.setOwner(owner);
        d.setEmail(email);
        d.setPhone(phone);
        d.setStreet(street);
        d.setPostalCode(postalCode);
        d.setCity(city);
        d.setCountry(country);
        d.setVatId(vatId);
        d.setWebsite(email.substring(email.indexOf('@') + 1));
        d.setTags(tags);
        d.setNotes(notes);
        return clients.create(d, true);
    }

    private void contact(String name, Client company, String jobTitle, String owner, String email, String phone) {
        ClientDraft d = new ClientDraft();
        d.setKind(ClientKind.CONTACT);
        d.setName(name);
        d.setCompanyId(company == null ? null : company.id());
        d.setJobTitle(jobTitle);
        d.setOwner(owner);
        d.setEmail(email);
        d.setPhone(phone);
        d.setCity(company == null ? "Milan" : company.city());
        d.setCountry(company == null ? "Italy" : company.country());
        clients.create(d, true);
    }

    private Deal deal(Client client, String title, String amount, String owner, LocalDate close, int advances,
                      LocalDate nextDue, String nextStep) {
        DealDraft d = new DealDraft();
        d.setTitle(title);
        d.setAmount(new BigDecimal(amount));
        d.setCurrency(client.country() != null && client.country().equals("United Kingdom") ? "GBP" : "EUR");
        d.setExpectedClose(close);
        d.setOwner(owner);
        d.setNextStep(nextStep);
        d.setNextStepDue(nextDue);
        Deal deal = deals.create(client.id(), d);
        for (int i = 0; i < advances; i++) {
            deal = deals.moveOn(deal.id(), deal.stage(), StageMove.advance(nextStep, nextDue));
        }
        return deal;
    }
}
