package io.clientspace.shared.i18n;

import io.clientspace.acceptance.EvidenceCheck;
import io.clientspace.acceptance.AcceptanceStatus;
import io.clientspace.client.AccessRequestResult;
import io.clientspace.document.DocumentChanged;
import io.clientspace.document.KeyDocuments;
import io.clientspace.extranet.PortalAccessChanged;
import io.clientspace.extranet.PortalContactStatus;
import io.clientspace.extranet.PortalRole;
import io.clientspace.extranet.ContactActivity;
import io.clientspace.extranet.ReviewDecision;
import io.clientspace.extranet.process.AccessReviewProcess;
import io.clientspace.file.FileChanged;
import io.clientspace.inforequest.InformationRequestChanged;
import io.clientspace.inforequest.ItemKind;
import io.clientspace.inforequest.ItemState;
import io.clientspace.inforequest.RequestStatus;
import io.clientspace.inforequest.SendBlocker;
import io.clientspace.project.ProjectChanged;
import io.clientspace.project.SharingChanged;
import io.clientspace.proposal.FeeModel;
import io.clientspace.proposal.ProposalAnswer;
import io.clientspace.proposal.ProposalChanged;
import io.clientspace.proposal.ProposalStatus;
import io.clientspace.proposal.process.ProposalApprovalProcess;
import io.clientspace.task.CustomerTask;
import io.clientspace.task.Inbox;
import io.clientspace.task.TaskPriority;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.IntPredicate;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.client.ClientKind;
import io.clientspace.deal.DealEdited;
import io.clientspace.deal.DealStage;
import io.clientspace.deal.process.DealStagesProcess;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every text the UI shows exists in English, German and Russian, with the same placeholders, and every key the code
 * asks for is in the bundles; a missing key would show as "deal.error.x" on screen.
 */
class TranslationsTests {

    static final Path BUNDLES = Path.of("src", "main", "resources", "vaadin-i18n");
    static final Path SOURCES = Path.of("src", "main", "java");
    static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");
    static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    static final Map<String, Properties> BUNDLE = new LinkedHashMap<>();
    static Properties english;
    static Map<Path, String> sources;

    @BeforeAll
    static void load() throws IOException {
        for (String language : List.of("en", "de", "ru")) {
            Path file = BUNDLES.resolve(language.equals("en") ? "translations.properties"
                    : "translations_" + language + ".properties");
            assertThat(file).as("bundle for %s", language).isRegularFile();
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            BUNDLE.put(language, p);
        }
        english = BUNDLE.get("en");
        try (Stream<Path> files = Files.walk(SOURCES)) {
            sources = new TreeMap<>();
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(f, Files.readString(f, StandardCharsets.UTF_8));
            }
        }
    }

    // ------------------------------------------------------------------------------------------- bundle vs bundle

    @ParameterizedTest
    @ValueSource(strings = {"de", "ru"})
    void everyLanguageHasExactlyTheEnglishKeys(String language) {
        Set<String> keys = BUNDLE.get(language).stringPropertyNames();
        Set<String> missing = new TreeSet<>(english.stringPropertyNames());
        missing.removeAll(keys);
        Set<String> extra = new TreeSet<>(keys);
        extra.removeAll(english.stringPropertyNames());
        assertThat(missing).as("keys missing in translations_%s.properties", language).isEmpty();
        assertThat(extra).as("keys in translations_%s.properties that English does not have", language).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "ru"})
    void translationsKeepThePlaceholdersOfTheEnglishText(String language) {
        Properties translated = BUNDLE.get(language);
        List<String> wrong = new ArrayList<>();
        for (String key : new TreeSet<>(english.stringPropertyNames())) {
            String value = translated.getProperty(key);
            if (value != null && !placeholders(english.getProperty(key)).equals(placeholders(value))) {
                wrong.add(key + ": English has " + placeholders(english.getProperty(key)) + ", " + language + " has "
                        + placeholders(value) + " (" + value + ")");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de", "ru"})
    void everyPlaceholderIsFilledInWhenTheTextIsShown(String language) {
        Locale locale = Translations.supported(Locale.forLanguageTag(language));
        List<String> wrong = new ArrayList<>();
        BUNDLE.get(language).forEach((k, v) -> {
            String key = (String) k;
            Set<Integer> indexes = placeholders((String) v);
            if (indexes.isEmpty()) {
                return;
            }
            Object[] args = new Object[indexes.stream().mapToInt(Integer::intValue).max().orElseThrow() + 1];
            // a {n,date,...} placeholder takes a date (a deadline in a mail, formatted in the reader's language)
            IntPredicate isDate = i -> ((String) v).matches("(?s).*\\{" + i + ",\\s*(date|time).*");
            Arrays.setAll(args, i -> isDate.test(i) ? Date.from(Instant.parse("2031-05-06T10:00:00Z"))
                    : "ARG" + i);
            String shown = new Translations().getTranslation(key, locale, args);
            for (int i : indexes) {
                if (isDate.test(i) ? !shown.contains("2031") : !shown.contains("ARG" + i)) {
                    wrong.add(key + ": {" + i + "} is not filled in (an unescaped ' quotes it?): " + shown);
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    /**
     * The bundles are MessageFormat patterns ("company''s"); a text must show the same whether or not the code passes
     * arguments, or users see doubled apostrophes.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "de", "ru"})
    void textsWithoutArgumentsShowAsTheirPatternSays(String language) {
        Locale locale = Translations.supported(Locale.forLanguageTag(language));
        List<String> wrong = new ArrayList<>();
        for (String key : new TreeSet<>(BUNDLE.get(language).stringPropertyNames())) {
            String pattern = BUNDLE.get(language).getProperty(key);
            String expected = new MessageFormat(pattern, locale).format(new Object[0]);
            String shown = new Translations().getTranslation(key, locale);
            if (!expected.equals(shown)) {
                wrong.add(key + ": shows \u201c" + shown + "\u201d instead of \u201c" + expected + "\u201d");
            }
        }
        assertThat(wrong).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------- code vs bundle

    /** The stages processes/deal-stages.bpmn ships with: a stage a process owner adds shows the model's name. */
    static final Supplier<List<DealStage>> SHIPPED_STAGES = () -> DealStagesProcess.stages(
            org.camunda.bpm.model.bpmn.Bpmn.readModelFromFile(new java.io.File(DealStagesProcess.RESOURCE)));

    /** Key prefixes the code completes at run time, and the values that can follow. */
    static Map<String, Supplier<Set<String>>> dynamicKeys() {
        Map<String, Supplier<Set<String>>> m = new LinkedHashMap<>();
        m.put("deal.stages.", () -> {
            Set<String> stages = SHIPPED_STAGES.get().stream().map(DealStage::code)
                    .collect(Collectors.toCollection(TreeSet::new));
            stages.add(DealStage.WON.code());
            stages.add(DealStage.LOST.code());
            return stages;
        });
        m.put("deal.view.", () -> new TreeSet<>(Set.of("OPEN", "WON", "LOST")));
        m.put("mail.compose.", () -> names(io.clientspace.conversation.MailDraft.Mode.values()));
        m.put("mail.sender.", () -> names(io.clientspace.conversation.MailItem.SenderKind.values()));
        m.put("mail.marker.", () -> checkConstraint("mail_message", "marker"));
        m.put("timeline.deal-field.", () -> new TreeSet<>(DealEdited.FIELDS));
        m.put("client.kinds.", () -> names(ClientKind.values()));
        m.put("timeline.client-kind.", () -> names(ClientKind.values()));
        m.put("timeline.document-type.", () -> checkConstraint("document", "type"));
        m.put("tasks.steps.", () -> {
            Set<String> steps = SHIPPED_STAGES.get().stream().map(DealStage::taskId)
                    .collect(Collectors.toCollection(TreeSet::new));
            steps.add(ProposalApprovalProcess.APPROVE_TASK);
            steps.add(AccessReviewProcess.REVIEW_TASK);
            steps.add(AccessReviewProcess.ESCALATED_TASK);
            steps.add(io.clientspace.people.process.AccessRequestProcess.DECIDE_TASK);
            steps.add(io.clientspace.request.process.ClientRequestProcess.WORK_TASK);
            return steps;
        });
        m.put("tasks.step-hints.", () -> Set.of(ProposalApprovalProcess.APPROVE_TASK, AccessReviewProcess.REVIEW_TASK,
                AccessReviewProcess.ESCALATED_TASK, io.clientspace.people.process.AccessRequestProcess.DECIDE_TASK,
                io.clientspace.request.process.ClientRequestProcess.WORK_TASK));
        m.put("members.levels.", () -> Set.of("VIEWER", "EDITOR", "MANAGER"));
        // modules a firm switches on and plans (DD034)
        m.put("module.", () -> names(io.clientspace.shared.FirmModule.values()));
        m.put("module.work.", () -> Arrays.stream(io.clientspace.shared.FirmModule.values())
                .flatMap(f -> f.processes().stream()).collect(Collectors.toCollection(TreeSet::new)));
        m.put("plan.limit.", () -> names(io.clientspace.shared.PlanLimit.values()));
        m.put("plan.limit.reached.", () -> names(io.clientspace.shared.PlanLimit.values()));
        m.put("colleagues.role.", () -> new TreeSet<>(io.clientspace.security.StaffAccountAdmin.ROLES));
        m.put("colleagues.audit.", () -> new TreeSet<>(io.clientspace.people.ColleagueService.AUDIT_ACTIONS));
        m.put("colleagues.audit.detail.", () -> new TreeSet<>(io.clientspace.people.ColleagueService.AUDIT_ACTIONS));
        m.put("colleagues.handover.", () -> names(io.clientspace.shared.HandoverLine.Outcome.values()));
        m.put("proposal.statuses.", () -> names(ProposalStatus.values()));
        m.put("proposal.now.", () -> names(ProposalStatus.values()));
        m.put("proposal.fee-models.", () -> names(FeeModel.values()));
        m.put("proposal.approval-reasons.", () -> Set.of("DISCOUNT", "AMOUNT", "RETAINER", "NONE"));
        m.put("portal.proposal.statuses.", () -> Set.of("SENT", "ACCEPTED", "DECLINED", "EXPIRED"));
        m.put("portal.proposal.answers.", () -> names(ProposalAnswer.values()));
        m.put("document.types.", () -> checkConstraint("document", "type"));
        m.put("checklist.provided-by.", () -> names(io.clientspace.checklist.ProvidedBy.values()));
        m.put("checklist.states.", () -> names(io.clientspace.checklist.RequirementState.values()));
        m.put("documents.required-state.", () -> names(io.clientspace.checklist.RequirementState.values()));
        // a reminder goes out when a required document turns expiring, and when it expires
        m.put("checklist.renewal.mail-subject.", () -> new TreeSet<>(Set.of("EXPIRING", "EXPIRED")));
        m.put("checklist.renewal.mail-body.", () -> new TreeSet<>(Set.of("EXPIRING", "EXPIRED")));
        m.put("document.statuses.", () -> checkConstraint("document", "status"));
        m.put("external.statuses.", () -> names(PortalContactStatus.values()));
        m.put("external.roles.", () -> names(PortalRole.values()));
        m.put("external.policy.section.", () -> names(io.clientspace.extranet.PortalSection.values()));
        m.put("external.policy.projects.", () -> new TreeSet<>(Set.of("all", "some")));
        m.put("external.activity.kinds.", () -> names(ContactActivity.Kind.values()));
        m.put("access-review.decisions.", () -> names(ReviewDecision.values()));
        m.put("external.section.", () -> new TreeSet<>(Set.of("active", "invited", "not-invited", "active.none",
                "invited.none", "not-invited.none")));
        m.put("external.action.", () -> new TreeSet<>(Set.of("invite", "resend", "invite-again", "revoke")));
        m.put("workspace.tab.", () -> listTabs().keySet());
        m.put("acceptance.evidence.check.", () -> Arrays.stream(EvidenceCheck.values())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new)));
        // TimelineService writes these kinds; files and documents as FILE_/DOCUMENT_ + their event's change
        m.put("timeline.kind.", () -> {
            Set<String> kinds = new TreeSet<>(Set.of("CLIENT_CREATED", "DEAL_STAGE", "DEAL_STALLED", "TASK_CREATED",
                    "TASK_ASSIGNED", "TASK_COMPLETED"));
            Arrays.stream(FileChanged.Change.values()).forEach(c -> kinds.add("FILE_" + c));
            Arrays.stream(DocumentChanged.Change.values())
                    .forEach(c -> kinds.add("DOCUMENT_" + c));
            Arrays.stream(ProposalChanged.Change.values())
                    .forEach(c -> kinds.add("PROPOSAL_" + c));
            // deals moved back, reopened or edited in place
            kinds.addAll(Set.of("DEAL_MOVED_BACK", "DEAL_REOPENED", "DEAL_EDITED"));
            // deals and proposals moved between a client's projects (DD032)
            kinds.addAll(Set.of("DEAL_PROJECT_CHANGED", "PROPOSAL_PROJECT_CHANGED"));
            kinds.add("PROJECT_OUTCOME_CHANGED");
            // tasks cancelled with a reason or reopened
            kinds.addAll(Set.of("TASK_CANCELLED", "TASK_REOPENED"));
            kinds.add("PORTAL_COMMENT_CUSTOMER");
            kinds.add("PORTAL_COMMENT_TEAM");
            // published as ActivityRecorded by the access review
            kinds.addAll(Set.of("ACCESS_REVIEW_OPENED", "ACCESS_REVIEW_ESCALATED", "ACCESS_REVIEW_KEEP",
                    "ACCESS_REVIEW_REVOKE", "ACCESS_REVIEW_STALE"));
            // published as ActivityRecorded by the people module's workspace members
            for (String level : List.of("VIEWER", "EDITOR", "MANAGER")) {
                kinds.add("MEMBER_ADDED_" + level);
                kinds.add("MEMBER_CHANGED_" + level);
            }
            kinds.addAll(Set.of("MEMBER_END_CHANGED", "MEMBER_REMOVED", "MEMBER_EXPIRED", "ACCESS_REQUEST_DECLINED"));
            // published as ActivityRecorded by the acceptance module
            kinds.addAll(Set.of("ACCEPTANCE_SENT", "ACCEPTANCE_RESENT", "ACCEPTANCE_ACCEPTED", "ACCEPTANCE_EXPIRED",
                    "ACCEPTANCE_REMINDED"));
            Arrays.stream(PortalAccessChanged.Change.values())
                    .forEach(c -> kinds.add("EXTERNAL_" + c));
            Arrays.stream(ProjectChanged.Change.values())
                    .forEach(c -> kinds.add("PROJECT_" + c));
            Arrays.stream(InformationRequestChanged.Change.values())
                    .forEach(c -> kinds.add("REQUEST_" + c));
            // client requests: staff or the system, and what the client's contact did themselves
            Arrays.stream(io.clientspace.request.ClientRequestChanged.Change.values())
                    .forEach(c -> kinds.add("CLIENT_REQUEST_" + c));
            Set.of("RAISED", "ANSWERED", "REOPENED", "CONFIRMED", "CANCELLED", "MESSAGE")
                    .forEach(c -> kinds.add("CLIENT_REQUEST_" + c + "_BY_CLIENT"));
            for (var subject : SharingChanged.Subject.values()) {
                for (boolean shared : new boolean[] {true, false}) {
                    kinds.add(new SharingChanged(UUID.randomUUID(), null, subject,
                            null, null, shared, shared, null).timelineKind());
                }
            }
            return kinds;
        });
        m.put("workspace.request-access.", () -> names(AccessRequestResult.values()));
        m.put("project.request-access.", () -> names(AccessRequestResult.values()));
        m.put("project.statuses.", () -> checkConstraint("client_project", "status"));
        m.put("documents.key-state.", () -> names(KeyDocuments.State.values()));
        m.put("portal.task.statuses.", () -> names(CustomerTask.Status.values()));
        m.put("portal.roles.", () -> names(PortalRole.values()));
        m.put("acceptance.statuses.", () -> names(AcceptanceStatus.values()));
        m.put("documents.acceptance.", () -> names(AcceptanceStatus.values()));
        m.put("portal.acceptance.statuses.", () -> names(AcceptanceStatus.values()));
        m.put("inforequest.statuses.", () -> names(RequestStatus.values()));
        m.put("inforequest.item-states.", () -> names(ItemState.values()));
        m.put("inforequest.kinds.", () -> names(ItemKind.values()));
        m.put("inforequest.blockers.", () -> names(SendBlocker.values()));
        m.put("task.priorities.", () -> names(TaskPriority.values()));
        m.put("reports.kind.", () -> names(io.clientspace.reports.ReportKind.values()));
        m.put("reports.group.", () -> names(io.clientspace.reports.ReportKind.Group.values()));
        // the handling groups processes/client-request-triage.dmn names; another shows as its code
        m.put("reports.handling-group.", () -> new TreeSet<>(Set.of("manager", "member")));
        m.put("reports.col.", () -> Stream.concat(
                Arrays.stream(io.clientspace.reports.ReportKind.values()).flatMap(k -> k.columns().stream()),
                Arrays.stream(io.clientspace.reports.ReportKind.DrillList.values()).flatMap(d -> d.columns().stream()))
                .map(io.clientspace.reports.Column::key).collect(Collectors.toCollection(TreeSet::new)));
        m.put("clientrequest.states.", () -> names(io.clientspace.request.RequestState.values()));
        m.put("clientrequest.portal.state.", () -> names(io.clientspace.request.RequestState.values()));
        m.put("clientrequest.category.", () -> clientRequestCategories());
        m.put("clientrequest.sla.", () -> names(io.clientspace.request.SlaStatus.values()));
        m.put("portal.dashboard.kind.", () -> names(io.clientspace.portal.PortalWaiting.Kind.values()));
        m.put("mail.client-request-breached.", () -> new TreeSet<>(Set.of("RESPONSE", "RESOLUTION")));
        m.put("clientrequest.entry.", () -> new TreeSet<>(Set.of("RAISED", "TRIAGED", "ASSIGNED", "HANDED_ON",
                "MESSAGE", "QUESTION", "ANSWER", "RESOLVED", "REOPENED", "CONFIRMED", "AUTO_CLOSED", "CANCELLED",
                "ESCALATED")));
        Set<String> inboxViews = Arrays.stream(Inbox.values())
                .map(i -> i.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.toCollection(TreeSet::new));
        m.put("inbox.", () -> inboxViews);
        m.put("inbox.none.", () -> inboxViews.stream().flatMap(v -> Stream.of(v + ".title",
                v + ".text")).collect(Collectors.toCollection(TreeSet::new)));
        // the process owners' area (issue 12)
        m.put("modeling.action.", () -> names(io.clientspace.modeling.ModelAction.values()));
        m.put("modeling.kind.", () -> names(io.clientspace.modeling.ModelKind.values()));
        m.put("modeling.source.", () -> names(io.clientspace.modeling.ModelSource.values()));
        m.put("modeling.contract.kind.",
                () -> new TreeSet<>(io.clientspace.modeling.process.ProcessContracts.KINDS));
        m.put("modeling.setting.", () -> {
            // every timer default a shipped model offers in the firm settings form
            Set<String> variables = new TreeSet<>();
            try (var files = java.nio.file.Files.list(java.nio.file.Path.of("processes"))) {
                files.filter(f -> f.toString().endsWith(".bpmn")).forEach(f -> io.clientspace.modeling.process
                        .TimerCheck.defaults(org.camunda.bpm.model.bpmn.Bpmn.readModelFromFile(f.toFile()))
                        .forEach(d -> variables.add(d.variable())));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return variables;
        });
        m.put("modeling.unit.", () -> {
            Set<String> units = new TreeSet<>();
            for (String unit : List.of("year", "month", "week", "day", "hour", "minute", "second")) {
                for (String form : List.of("one", "few", "many")) {
                    units.add(unit + "." + form);
                }
            }
            return units;
        });
        return m;
    }

    /** The categories process owners keep in the triage table (the allowed values of its Category input). */
    static Set<String> clientRequestCategories() {
        var dmn = org.camunda.bpm.model.dmn.Dmn.readModelFromFile(java.nio.file.Path.of(
                io.clientspace.request.process.ClientRequestProcess.DECISION_RESOURCE).toFile());
        org.camunda.bpm.model.dmn.instance.Input input = dmn.getModelElementById(
                io.clientspace.request.process.ClientRequestProcess.CATEGORY_INPUT);
        return Arrays.stream(input.getInputValues().getTextContent().split(",")).map(v -> v.trim().replace("\"", ""))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyKeyTheCodeAsksForIsInTheEnglishBundle() {
        Map<String, Set<String>> used = new TreeMap<>();
        Set<String> unknownPrefixes = new TreeSet<>();
        Pattern literal = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"(\\s*\\+)?");
        Pattern explicit = Pattern.compile("(?:getTranslation\\(|FieldProblem\\.of\\([^,()]+,)\\s*$");
        Pattern keyShape = Pattern.compile("[a-z][a-z0-9-]*(\\.[A-Za-z0-9-]+)+\\.?");
        Set<String> namespaces = english.stringPropertyNames().stream().map(k -> k.substring(0, k.indexOf('.') + 1))
                .collect(Collectors.toSet());
        Map<String, Supplier<Set<String>>> dynamic = dynamicKeys();

        sources.forEach((file, code) -> {
            Matcher m = literal.matcher(code);
            while (m.find()) {
                String text = m.group(1);
                boolean concatenated = m.group(2) != null || text.endsWith(".");
                String before = code.substring(Math.max(0, m.start() - 200), m.start());
                boolean isKeyArgument = explicit.matcher(before).find();
                boolean looksLikeKey = keyShape.matcher(text).matches()
                        && namespaces.stream().anyMatch(text::startsWith);
                if (!isKeyArgument && !looksLikeKey) {
                    continue;
                }
                String where = SOURCES.relativize(file) + ":" + (code.substring(0, m.start()).split("\n", -1).length);
                if (concatenated) {
                    if (!dynamic.containsKey(text)) {
                        unknownPrefixes.add(text + " at " + where);
                    }
                } else {
                    used.computeIfAbsent(text, k -> new TreeSet<>()).add(where);
                }
            }
        });

        Map<String, Set<String>> missing = new TreeMap<>(used);
        missing.keySet().removeAll(english.stringPropertyNames());
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(missing).as("keys the code uses (with where) that translations.properties lacks")
                    .isEmpty();
            soft.assertThat(unknownPrefixes).as("the code builds keys from these prefixes; add them with their"
                    + " possible values to TranslationsTests.dynamicKeys()").isEmpty();
        });
        // The scan must keep finding the keys it is there for
        assertThat(used).containsKeys("client.error.company-name-required", "deal.error.won-only-last-stage",
                "validation.too-long", "deals.loading", "clients.title", "client.form.new-contact");
    }

    @Test
    void everyKeyTheCodeBuildsFromEnumsStatusesAndTabsIsInTheEnglishBundle() {
        Set<String> missing = new TreeSet<>();
        dynamicKeys().forEach((prefix, values) -> {
            assertThat(values.get()).as("values after %s", prefix).isNotEmpty();
            values.get().forEach(v -> missing.add(prefix + v));
        });
        missing.removeAll(english.stringPropertyNames());
        assertThat(missing).as("keys the code builds at run time that translations.properties lacks").isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ the provider

    @Test
    void germanAndRussianUsersGetTheirLanguage() {
        Translations t = new Translations();
        assertThat(t.getTranslation("action.save", Locale.GERMAN)).isEqualTo(BUNDLE.get("de").getProperty("action.save"))
                .isNotEqualTo(english.getProperty("action.save"));
        assertThat(t.getTranslation("action.save", RUSSIAN)).isEqualTo(BUNDLE.get("ru").getProperty("action.save"))
                .isNotEqualTo(english.getProperty("action.save"));
        assertThat(t.getTranslation("deal.stages.StageNegotiation", Locale.forLanguageTag("de-AT")))
                .as("Austrian German gets German").isEqualTo(BUNDLE.get("de").getProperty("deal.stages.StageNegotiation"));
        assertThat(t.getTranslation("action.save", Locale.FRENCH)).as("unsupported language gets English")
                .isEqualTo(english.getProperty("action.save"));
        assertThat(t.getTranslation("action.save", null)).isEqualTo(english.getProperty("action.save"));
        assertThat(t.getTranslation("no.such.key", Locale.GERMAN)).isEqualTo("no.such.key");
        assertThat(t.getProvidedLocales()).containsExactly(Locale.ENGLISH, Locale.GERMAN, RUSSIAN);
    }

    @Test
    void numbersInTextsAreFormattedForTheLanguage() {
        Translations t = new Translations();
        String german = BUNDLE.get("de").getProperty("validation.too-long");
        assertThat(t.getTranslation("validation.too-long", Locale.GERMAN, 200)).isEqualTo(german.replace("{0}", "200"));
        assertThat(t.getTranslation("validation.too-long", Locale.GERMAN, 10_000)).contains("10.000");
        assertThat(t.getTranslation("validation.too-long", Locale.ENGLISH, 10_000))
                .isEqualTo("Use at most 10,000 characters.");
        assertThat(t.getTranslation("validation.too-long", RUSSIAN, 200))
                .isEqualTo(BUNDLE.get("ru").getProperty("validation.too-long").replace("{0}", "200"));
    }

    // --------------------------------------------------------------------------------------------------- helpers

    static Set<Integer> placeholders(String text) {
        Set<Integer> result = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)[^}]*}").matcher(text);
        while (m.find()) {
            result.add(Integer.valueOf(m.group(1)));
        }
        return result;
    }

    static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The values a column's check constraint allows, e.g. document.type in ('CONTRACT', ...). */
    static Set<String> checkConstraint(String table, String column) {
        Set<String> values = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                String sql = Files.readString(file, StandardCharsets.UTF_8);
                Matcher table_ = Pattern.compile("(?is)create table " + table + "\\s*\\((.*?)\\n\\);").matcher(sql);
                while (table_.find()) {
                    Matcher check = Pattern.compile("(?i)check \\(" + column + " in \\(([^)]*)\\)\\)")
                            .matcher(table_.group(1));
                    if (check.find()) {
                        Matcher v = Pattern.compile("'([^']*)'").matcher(check.group(1));
                        while (v.find()) {
                            values.add(v.group(1));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(values).as("allowed values of %s.%s in %s", table, column, MIGRATIONS).isNotEmpty();
        return values;
    }

    /**
     * The workspace's tabs, label -> label key, as each module's tab class hands them to WorkspaceTab (the tabs live
     * in their modules' ui packages since the workspace became a shell).
     */
    static Map<String, String> listTabs() {
        Map<String, String> tabs = new LinkedHashMap<>();
        Pattern tab = Pattern.compile("super\\(\\s*[^,]+,\\s*\"workspace\\.tab\\.([^\"]+)\"");
        sources.forEach((file, text) -> {
            if (file.toString().contains("/ui/")) {
                Matcher m = tab.matcher(text);
                while (m.find()) {
                    tabs.put(m.group(1), "workspace.tab." + m.group(1));
                }
            }
        });
        assertThat(tabs).as("tabs in the modules' ui packages").containsKeys("deals", "tasks", "external",
                "projects", "proposals", "files", "documents", "requests", "comments", "activity");
        return tabs;
    }

    static String source(String relative) {
        Path file = SOURCES.resolve("io/clientspace").resolve(relative);
        assertThat(sources).containsKey(file);
        return sources.get(file);
    }
}
