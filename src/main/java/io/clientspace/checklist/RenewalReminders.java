package io.clientspace.checklist;

import io.clientspace.checklist.ChecklistService.Derived;
import io.clientspace.checklist.domain.ChecklistStore;
import io.clientspace.checklist.domain.ChecklistStore.RequirementRow;
import io.clientspace.client.ClientRef;
import io.clientspace.client.ClientService;
import io.clientspace.document.DocumentService;
import io.clientspace.document.DocumentType;
import io.clientspace.project.ProjectService;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.StaffMail;
import io.clientspace.shared.WorkScope;
import io.clientspace.shared.i18n.Translations;
import io.clientspace.task.WorkTaskService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Renewal of required documents (issue 20 §1, DD033). Once a day (at {@code clientspace.checklist.renewal-cron}, the
 * firm's time zone) it looks at every workspace that holds a final document a renewable requirement could be
 * satisfied by. A required document that turned expiring (renewal due within 30 days) or expired reminds the
 * workspace's owner: a task in their My tasks, due on the renewal date, and an e-mail in their language, once when it
 * turns expiring and once more (a mail; the task stands) when it expires. An expired one is also a flag on the
 * manager's checklist; that flag is derived on every read and needs no job.
 * <p>
 * <b>Once, on any number of nodes.</b> Each reminder is claimed by inserting its row (requirement, document, renewal
 * date, state) with {@code on conflict do nothing} in the transaction that opens the task: only the node whose insert wins
 * sends, and a failure rolls the claim back with the task, so the next run tries again. The mail goes after the
 * commit; a lost mail leaves the task, which is what the owner works from.
 */
@Component
class RenewalReminders {

    private static final Logger log = LoggerFactory.getLogger(RenewalReminders.class);

    private final ChecklistStore store;
    private final ChecklistService checklists;
    private final DocumentService documents;
    private final ClientService clients;
    private final ProjectService projects;
    private final WorkTaskService tasks;
    private final StaffMail mail;
    private final StaffDirectory staff;
    private final Translations translations;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RenewalReminders(ChecklistStore store, ChecklistService checklists, DocumentService documents,
                     ClientService clients, ProjectService projects, WorkTaskService tasks, StaffMail mail,
                     StaffDirectory staff, Translations translations, PlatformTransactionManager transactions,
                     Clock clock) {
        this.store = store;
        this.checklists = checklists;
        this.documents = documents;
        this.clients = clients;
        this.projects = projects;
        this.tasks = tasks;
        this.mail = mail;
        this.staff = staff;
        this.translations = translations;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(cron = "${clientspace.checklist.renewal-cron:0 0 6 * * *}", zone = "${clientspace.time.zone:UTC}")
    void run() {
        try {
            int sent = remindDue();
            if (sent > 0) {
                log.info("Sent {} renewal reminders for required documents", sent);
            }
        } catch (RuntimeException e) {
            log.error("Renewal reminders failed; the next run tries again", e);
        }
    }

    /** One round: every required document due for renewal that has not reminded its owner yet does so now. */
    int remindDue() {
        List<RequirementRow> renewable = store.requirements().stream().filter(r -> r.renewEvery() != null).toList();
        if (renewable.isEmpty()) {
            return 0;
        }
        Set<DocumentType> types = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        for (RequirementRow r : renewable) {
            if (!DocumentType.OTHER.name().equals(r.type())) {
                types.add(DocumentType.valueOf(r.type()));
            }
            names.add(r.name());
        }
        Set<WorkScope> scopes = new LinkedHashSet<>(documents.workspacesWithFinals(types, names));
        for (UUID[] w : store.workspacesLinkingRenewable()) {
            scopes.add(w[1] == null ? WorkScope.client(w[0]) : WorkScope.project(w[0], w[1]));
        }
        // a client's own list first: a document in a project satisfies both lists and reminds once, the client's owner
        List<WorkScope> ordered = scopes.stream().sorted(Comparator.comparing(WorkScope::isProject)).toList();
        int sent = 0;
        for (WorkScope scope : ordered) {
            for (Derived d : checklists.deriveForRenewal(scope)) {
                if (due(d) && remind(scope, d)) {
                    sent++;
                }
            }
        }
        return sent;
    }

    private static boolean due(Derived d) {
        return d.requirement().id() != null && d.requirement().renewEvery() != null && d.document().isPresent()
                && d.renewBy() != null
                && (d.state() == RequirementState.EXPIRING || d.state() == RequirementState.EXPIRED);
    }

    private boolean remind(WorkScope scope, Derived d) {
        ClientRef client = clients.refForNotification(scope.clientId()).orElse(null);
        if (client == null) {
            return false;
        }
        String owner = scope.isProject()
                ? projects.ownerAndSharing(scope.projectId()).map(ProjectService.OwnerAndSharing::owner)
                        .orElse(client.owner())
                : client.owner();
        UUID documentId = d.document().orElseThrow().documentId();
        Instant renewBy = d.renewBy();
        Locale locale = owner == null ? Locale.ENGLISH
                : staff.localeOf(owner).map(Translations::supported).orElse(Locale.ENGLISH);
        Boolean claimed = transaction.execute(status -> {
            boolean taskOpened = store.reminderTaskOpened(d.requirement().id(), documentId, renewBy);
            if (!store.claimReminder(d.requirement().id(), documentId, renewBy, scope.clientId(), scope.projectId(),
                    d.state().name(), owner, clock.instant())) {
                return false;
            }
            if (taskOpened) {
                // expired after the expiring reminder: the owner has the task already, the mail tells them
                return true;
            }
            String title = translations.getTranslation("checklist.renewal.task-title", locale,
                    d.requirement().name());
            String description = translations.getTranslation("checklist.renewal.task-text", locale,
                    d.requirement().name(), client.name(), Date.from(renewBy));
            UUID task = tasks.createForProcess(scope.clientId(), title, description, owner,
                    LocalDate.ofInstant(renewBy, clock.getZone()));
            store.reminderTask(d.requirement().id(), documentId, renewBy, d.state().name(), task);
            return true;
        });
        if (!Boolean.TRUE.equals(claimed)) {
            return false;
        }
        if (owner != null) {
            try {
                mail.send(owner, "checklist.renewal.mail-subject." + d.state().name(),
                        new Object[] {d.requirement().name(), client.name()},
                        "checklist.renewal.mail-body." + d.state().name(), d.requirement().name(), client.name(),
                        Date.from(renewBy), mail.link((scope.isProject()
                                ? io.clientspace.project.ProjectNavigation.workspace(scope.projectId())
                                : client.workspacePath()) + "?tab=" + ChecklistNavigation.TAB));
            } catch (RuntimeException e) {
                log.warn("The renewal mail to {} failed; the task stands", owner, e);
            }
        }
        return true;
    }
}
