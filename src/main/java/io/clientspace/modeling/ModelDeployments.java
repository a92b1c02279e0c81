package io.clientspace.modeling;

import io.clientspace.modeling.domain.ModelRecords;
import io.clientspace.modeling.domain.ModelRecords.AppDeployment;
import io.clientspace.modeling.process.ModelDiffs;
import io.clientspace.modeling.process.TimerCheck;
import io.clientspace.modeling.process.TimerSettings;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.Roles;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.ProcessModelDeployed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.application.AbstractProcessApplication;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Deploys process owners' models through the {@link ModelGate} as new versions, and answers what is deployed.
 * <p>
 * A deploy names the version it replaces ({@code expectedLatestVersion}); when someone deployed in between, it fails
 * with {@link StaleModelException}. The gate's refusal, the stale check and the engine's own parse all happen in
 * one transaction with the version's row and its audit row, so a refused model leaves nothing behind. App-time
 * versions are deployments named {@value #APP_DEPLOYMENT_PREFIX}&lt;key&gt; with source {@value #APP_SOURCE}; the
 * build's processes/ folder keeps deploying as the process application "clientspace", and the engine deploys a
 * classpath model again only when its bytes differ from the last classpath deployment, so a restart cannot put an
 * older classpath model over a newer app-time one, while a release that changes processes/ wins. See
 * docs/decisions/DD022.
 */
@Service
public class ModelDeployments {

    public static final String APP_SOURCE = "clientspace-app";
    public static final String APP_DEPLOYMENT_PREFIX = "clientspace-app:";

    /** The gate's problems that mean a file is no model at all, so its id cannot be read. */
    private static final java.util.Set<String> UNREADABLE = java.util.Set.of("modeling.problem.notXml",
            "modeling.problem.unreadable", "modeling.problem.notModel");

    private final ModelGate gate;
    private final ModelRecords records;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final ObjectProvider<AbstractProcessApplication> processApplication;
    private final CurrentUserProvider users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate dryRun;

    ModelDeployments(ModelGate gate, ModelRecords records, RepositoryService repository, RuntimeService runtime,
            ManagementService management, ObjectProvider<AbstractProcessApplication> processApplication,
            CurrentUserProvider users, ApplicationEventPublisher events, Clock clock,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.gate = gate;
        this.records = records;
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.processApplication = processApplication;
        this.users = users;
        this.events = events;
        this.clock = clock;
        this.dryRun = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.dryRun.setPropagationBehavior(org.springframework.transaction.TransactionDefinition
                .PROPAGATION_REQUIRES_NEW);
    }

    // ------------------------------------------------------------------------------------------------------- read

    /** Every process and decision model, newest version of each, processes first, by name. */
    @Transactional(readOnly = true)
    public List<ModelSummary> models() {
        requireOwner();
        List<ModelSummary> models = new ArrayList<>();
        for (ProcessDefinition d : repository.createProcessDefinitionQuery().latestVersion().list()) {
            models.add(new ModelSummary(d.getKey(), ModelKind.BPMN, nameOr(d.getName(), d.getKey()),
                    d.getDescription(), d.getVersion(),
                    runtime.createProcessInstanceQuery().processDefinitionKey(d.getKey()).count(),
                    runtime.createIncidentQuery().processDefinitionKeyIn(d.getKey()).count()));
        }
        for (DecisionDefinition d : repository.createDecisionDefinitionQuery().latestVersion().list()) {
            models.add(new ModelSummary(d.getKey(), ModelKind.DMN, nameOr(d.getName(), d.getKey()), null,
                    d.getVersion(), 0, 0));
        }
        models.sort(Comparator.comparing(ModelSummary::kind).thenComparing(ModelSummary::name,
                String.CASE_INSENSITIVE_ORDER));
        return models;
    }

    /** The model's newest version; empty when no such model is deployed. */
    @Transactional(readOnly = true)
    public Optional<ModelSummary> model(String key) {
        return models().stream().filter(m -> m.key().equals(key)).findFirst();
    }

    /** All versions of a model, newest first. */
    @Transactional(readOnly = true)
    public List<ModelVersion> versions(String key) {
        requireOwner();
        ModelKind kind = kindOf(key);
        Map<String, AppDeployment> app = records.deploymentsOf(key, kind.name());
        List<ModelVersion> versions = new ArrayList<>();
        if (kind == ModelKind.BPMN) {
            for (ProcessDefinition d : repository.createProcessDefinitionQuery().processDefinitionKey(key)
                    .orderByProcessDefinitionVersion().desc().list()) {
                versions.add(version(key, kind, d.getVersion(), d.getId(), d.getDeploymentId(), app,
                        runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count()));
            }
        } else {
            for (DecisionDefinition d : repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                    .orderByDecisionDefinitionVersion().desc().list()) {
                versions.add(version(key, kind, d.getVersion(), d.getId(), d.getDeploymentId(), app, 0));
            }
        }
        return versions;
    }

    /** The XML of one version, as deployed; for download and the editor. */
    @Transactional(readOnly = true)
    public byte[] xml(String key, int version) {
        requireOwner();
        return bytes(kindOf(key), key, version);
    }

    /**
     * Active instances per activity of one version (activity id → count), for the diagram's badges; empty for
     * decisions.
     */
    @Transactional(readOnly = true)
    public Map<String, Long> activeByActivity(String key, int version) {
        requireOwner();
        if (kindOf(key) != ModelKind.BPMN) {
            return Map.of();
        }
        Map<String, Long> counts = new java.util.TreeMap<>();
        management.createActivityStatisticsQuery(definitionId(ModelKind.BPMN, key, version)).list()
                .forEach(s -> counts.put(s.getId(), (long) s.getInstances()));
        return counts;
    }

    /** The file name to download a model under, as in processes/. */
    public String fileName(String key) {
        return key + kindOf(key).extension();
    }

    /** The durations the newest version sets as start-event defaults, for the firm settings form. */
    @Transactional(readOnly = true)
    public List<ModelSetting> settings(String key) {
        requireOwner();
        if (kindOf(key) != ModelKind.BPMN) {
            return List.of();
        }
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(
                bytes(ModelKind.BPMN, key, latestVersion(ModelKind.BPMN, key))));
        Map<String, ModelSetting> settings = new LinkedHashMap<>();
        for (TimerCheck.TimerDefault d : TimerCheck.defaults(model)) {
            settings.putIfAbsent(d.variable(), new ModelSetting(d.variable(), d.startEventId(), d.startEventName(),
                    d.value()));
        }
        return List.copyOf(settings.values());
    }

    /** Whether {@code text} is a duration the settings form accepts: ISO-8601, longer than zero. */
    public static boolean isDuration(String text) {
        return TimerCheck.isDuration(text);
    }

    /** Whether the current user may read the audit. */
    public boolean canAudit() {
        return users.requireStaff().has(Roles.ADMIN);
    }

    /** The audit, newest first: admins only. */
    @Transactional(readOnly = true)
    public List<AuditEntry> audit(int limit) {
        CurrentUser user = users.requireStaff();
        if (!user.has(Roles.ADMIN)) {
            throw new NoAccessException("The audit of process changes is for admins", null);
        }
        return records.audit(Math.max(1, Math.min(limit, 1000)));
    }

    // ------------------------------------------------------------------------------------------------------ write

    /**
     * Deploys XML from the editor as the model's next version.
     *
     * @param expectedLatestVersion the version the editor opened; another one deployed since → stale
     * @param changeNote            why, in the owner's words; may be null
     * @throws ModelRefusedException when the gate refuses (nothing deployed)
     * @throws StaleModelException   when someone deployed a newer version meanwhile
     */
    @Transactional
    public ModelVersion deploy(String modelKey, int expectedLatestVersion, byte[] xml, String changeNote) {
        requireOwner();
        ModelKind kind = kindOf(modelKey);
        return deploy(modelKey, kind, expectedLatestVersion, xml, changeNote, ModelAction.DEPLOY, null);
    }

    /**
     * Deploys an uploaded .bpmn or .dmn file (e.g. saved in Camunda Modeler) as the next version of {@code modelKey}.
     * The file's process or decision id must be {@code modelKey}.
     */
    @Transactional
    public ModelVersion upload(String modelKey, int expectedLatestVersion, String fileName, byte[] bytes,
            String changeNote) {
        requireOwner();
        ModelKind kind = kindOf(modelKey);
        Optional<ModelKind> fileKind = ModelKind.of(fileName);
        if (fileKind.isEmpty()) {
            throw new ModelRefusedException(List.of(Problem.of(null, null, "modeling.problem.fileType",
                    fileName == null ? "" : fileName)));
        }
        if (fileKind.get() != kind) {
            throw new ModelRefusedException(List.of(Problem.of(null, null, "modeling.problem.notModel",
                    fileName, kind.name())));
        }
        return deploy(modelKey, kind, expectedLatestVersion, bytes, changeNote, ModelAction.UPLOAD, null);
    }

    /**
     * Deploys a file sent by Camunda Modeler's Deploy dialog. The Modeler does not say which model it replaces or
     * which version it started from, so the file's own process or decision id names the model (it must be one that
     * Clientspace runs), and it replaces the version that is newest now. A file equal to the newest version deploys
     * nothing and answers that version, as the engine's duplicate filtering would.
     *
     * @throws ModelRefusedException when the file is not a model Clientspace runs, or the gate refuses it
     * @throws StaleModelException   when someone deployed the same model at the same moment
     */
    @Transactional
    public ModelerDeployment deployFromModeler(String fileName, byte[] bytes, String deploymentName) {
        requireOwner();
        Optional<ModelKind> kind = ModelKind.of(fileName);
        if (kind.isEmpty()) {
            throw new ModelRefusedException(List.of(Problem.of(null, null, "modeling.problem.fileType",
                    fileName == null ? "" : fileName)));
        }
        List<Problem> unreadable = gate.inspect(fileName, bytes).problems().stream()
                .filter(p -> UNREADABLE.contains(p.key())).toList();
        if (!unreadable.isEmpty()) {
            throw new ModelRefusedException(unreadable);
        }
        String key = holds(kind.get(), bytes);
        if (key == null || latestVersion(kind.get(), key) == 0) {
            throw new ModelRefusedException(List.of(Problem.of(key, null, "modeling.problem.unknownModel",
                    key == null ? fileName : key)));
        }
        int latest = latestVersion(kind.get(), key);
        if (Arrays.equals(bytes, bytes(kind.get(), key, latest))) {
            return new ModelerDeployment(key, kind.get(), latest, deploymentIdOf(kind.get(), key, latest),
                    definitionId(kind.get(), key, latest), false);
        }
        String note = deploymentName == null || deploymentName.isBlank() ? null : deploymentName.strip();
        ModelVersion version = deploy(key, kind.get(), latest, bytes, note, ModelAction.MODELER, null);
        return new ModelerDeployment(key, kind.get(), version.version(), deploymentIdOf(kind.get(), key,
                version.version()), definitionId(kind.get(), key, version.version()), true);
    }

    /** The engine's deployments, newest first, a page at a time (Camunda Modeler lists none, to test its link). */
    @Transactional(readOnly = true)
    public List<ModelerDeploymentSummary> deployments(int first, int max) {
        requireOwner();
        if (max <= 0) {
            return List.of();
        }
        return repository.createDeploymentQuery().orderByDeploymentTime().desc()
                .listPage(Math.max(0, first), Math.min(max, 500)).stream()
                .map(d -> new ModelerDeploymentSummary(d.getId(), d.getName(), d.getSource(),
                        d.getDeploymentTime().toInstant()))
                .toList();
    }

    /** The engine's version, as Camunda's REST API reports it. */
    public String engineVersion() {
        return org.camunda.bpm.engine.impl.util.ProductPropertiesUtil.getProductVersion();
    }

    private String deploymentIdOf(ModelKind kind, String key, int version) {
        String id = definitionId(kind, key, version);
        return kind == ModelKind.BPMN ? repository.getProcessDefinition(id).getDeploymentId()
                : repository.getDecisionDefinition(id).getDeploymentId();
    }

    /** Deploys new defaults for the model's timers (firm settings) as its next version, through the gate. */
    @Transactional
    public ModelVersion saveSettings(String modelKey, int expectedLatestVersion, Map<String, String> values,
            String changeNote) {
        requireOwner();
        if (kindOf(modelKey) != ModelKind.BPMN) {
            throw new NotFoundException("settings of " + modelKey);
        }
        List<Problem> bad = new ArrayList<>();
        Map<String, String> known = new LinkedHashMap<>();
        settings(modelKey).forEach(s -> known.put(s.variable(), s.value()));
        Map<String, String> changed = new LinkedHashMap<>();
        values.forEach((variable, value) -> {
            String iso = value == null ? "" : value.strip();
            if (!known.containsKey(variable)) {
                bad.add(Problem.of(null, null, "modeling.settings.unknown", variable));
            } else if (!isDuration(iso)) {
                bad.add(Problem.of(variable, null, "modeling.timer.badDefault", variable, iso));
            } else if (!iso.equals(known.get(variable))) {
                changed.put(variable, iso);
            }
        });
        if (!bad.isEmpty()) {
            throw new ModelRefusedException(bad);
        }
        if (changed.isEmpty()) {
            throw new ModelRefusedException(List.of(Problem.of(null, null, "modeling.settings.unchanged")));
        }
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(
                bytes(ModelKind.BPMN, modelKey, expectedLatestVersion)));
        TimerSettings.apply(model, changed);
        byte[] xml = Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
        List<String> detail = new ArrayList<>();
        changed.forEach((k, v) -> detail.add(k + ": " + known.get(k) + " → " + v));
        return deploy(modelKey, ModelKind.BPMN, expectedLatestVersion, xml, changeNote, ModelAction.SETTINGS,
                String.join(", ", detail));
    }

    /** Deploys an earlier version again as the newest; running instances stay where they are. */
    @Transactional
    public ModelVersion rollback(String modelKey, int expectedLatestVersion, int toVersion, String changeNote) {
        requireOwner();
        ModelKind kind = kindOf(modelKey);
        byte[] xml = bytes(kind, modelKey, toVersion);
        return deploy(modelKey, kind, expectedLatestVersion, xml, changeNote, ModelAction.ROLLBACK,
                "to version " + toVersion);
    }

    private ModelVersion deploy(String key, ModelKind kind, int expected, byte[] xml, String note,
            ModelAction action, String auditDetail) {
        CurrentUser user = users.requireStaff();
        String fileName = key + kind.extension();
        ModelGate.Inspection inspection = gate.inspect(fileName, xml);
        List<Problem> problems = new ArrayList<>();
        String holds = holds(kind, xml);
        if (holds != null && !holds.equals(key)) {
            problems.add(Problem.of(null, null, "modeling.problem.wrongKey", holds, key));
        }
        problems.addAll(inspection.problems());
        if (!problems.isEmpty()) {
            throw new ModelRefusedException(problems);
        }
        records.lock(key);
        int latest = latestVersion(kind, key);
        if (latest != expected) {
            throw new StaleModelException(key, expected, latest);
        }
        byte[] previous = bytes(kind, key, latest);
        Deployment deployment;
        try {
            deployment = repository.createDeployment().name(APP_DEPLOYMENT_PREFIX + key).source(APP_SOURCE)
                    .addInputStream(fileName, new ByteArrayInputStream(xml)).deploy();
        } catch (ProcessEngineException e) {
            throw new ModelRefusedException(List.of(Problem.of(null, null, "modeling.problem.engine",
                    shortMessage(e))));
        }
        AbstractProcessApplication application = processApplication.getIfAvailable();
        if (application != null) {
            management.registerProcessApplication(deployment.getId(), application.getReference());
        }
        int version = latestVersion(kind, key);
        ModelDiff diff = ModelDiffs.between(previous, xml);
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        Instant now = clock.instant();
        records.insertDeployment(key, kind.name(), version, deployment.getId(), action, user.username(), now,
                cleanNote, diff);
        records.audit(user.username(), action, key, version, join(auditDetail, cleanNote), now);
        events.publishEvent(new ProcessModelDeployed(key, version));
        return versions(key).stream().filter(v -> v.version() == version).findFirst().orElseThrow();
    }

    // --------------------------------------------------------------------------------------- incidents and jobs

    /** Open incidents and failed jobs of a process model, over all its versions, newest first. */
    @Transactional(readOnly = true)
    public List<ModelIncident> incidents(String key) {
        requireOwner();
        if (kindOf(key) != ModelKind.BPMN) {
            return List.of();
        }
        Map<String, Integer> versionOf = new java.util.HashMap<>();
        repository.createProcessDefinitionQuery().processDefinitionKey(key).list()
                .forEach(d -> versionOf.put(d.getId(), d.getVersion()));
        List<ModelIncident> incidents = new ArrayList<>();
        for (var incident : runtime.createIncidentQuery().processDefinitionKeyIn(key).orderByIncidentTimestamp()
                .desc().listPage(0, 200)) {
            boolean job = "failedJob".equals(incident.getIncidentType());
            incidents.add(new ModelIncident(incident.getId(), versionOf.getOrDefault(
                    incident.getProcessDefinitionId(), 0), incident.getActivityId(), incident.getProcessInstanceId(),
                    job ? incident.getConfiguration() : null, incident.getIncidentTimestamp() == null ? null
                            : incident.getIncidentTimestamp().toInstant(), incident.getIncidentMessage()));
        }
        return incidents;
    }

    /** Gives a failed job of this model one more try; the job executor picks it up. */
    @Transactional
    public void retry(String key, String jobId) {
        requireOwner();
        var job = management.createJobQuery().jobId(jobId).singleResult();
        if (job == null || !key.equals(job.getProcessDefinitionKey())) {
            throw new NotFoundException("job " + jobId + " of " + key);
        }
        management.setJobRetries(jobId, 1);
        records.audit(users.requireStaff().username(), ModelAction.RETRY, key, null, "job " + jobId,
                clock.instant());
    }

    // --------------------------------------------------------------------------------------------------- migrate

    /**
     * Step 1 and 2 of a migration: the plan maps activities with equal ids from one version to another, and the
     * dry run lists the instances the engine would refuse to move, with its reasons. Timers and message waits are
     * carried over as they are (no new due dates), so a deal's stall clock keeps running from where it was.
     */
    public MigrationCheck checkMigration(String key, int fromVersion, int toVersion) {
        requireOwner();
        org.camunda.bpm.engine.migration.MigrationPlan plan;
        try {
            plan = plan(key, fromVersion, toVersion);
        } catch (ProcessEngineException e) {
            throw new ModelRefusedException(List.of(Problem.of(null, null, "modeling.migration.blocked",
                    shortMessage(e))));
        }
        String fromId = definitionId(ModelKind.BPMN, key, fromVersion);
        String toId = definitionId(ModelKind.BPMN, key, toVersion);
        List<String> instanceIds = runtime.createProcessInstanceQuery().processDefinitionId(fromId).list().stream()
                .map(org.camunda.bpm.engine.runtime.ProcessInstance::getId).toList();
        java.util.Set<String> mapped = new java.util.HashSet<>();
        plan.getInstructions().forEach(i -> mapped.add(i.getSourceActivityId()));
        BpmnModelInstance from = repository.getBpmnModelInstance(fromId);
        BpmnModelInstance to = repository.getBpmnModelInstance(toId);
        List<String> unmapped = from.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowNode.class)
                .stream().map(org.camunda.bpm.model.bpmn.instance.FlowNode::getId)
                .filter(id -> to.getModelElementById(id) == null).sorted().toList();
        List<MigrationCheck.Blocked> blocked = new ArrayList<>();
        for (String instanceId : instanceIds) {
            try {
                // the dry run: the engine really moves the one instance, in a transaction of its own that is
                // always rolled back, so its validation is exactly the migration's
                dryRun.executeWithoutResult(status -> {
                    runtime.newMigration(plan).processInstanceIds(instanceId).execute();
                    status.setRollbackOnly();
                });
            } catch (org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException e) {
                List<String> reasons = new ArrayList<>();
                e.getValidationReport().getActivityInstanceReports().forEach(r -> r.getFailures()
                        .forEach(f -> reasons.add(r.getSourceScopeId() + ": " + f)));
                e.getValidationReport().getTransitionInstanceReports().forEach(r -> r.getFailures()
                        .forEach(f -> reasons.add(r.getSourceScopeId() + ": " + f)));
                e.getValidationReport().getFailures().forEach(reasons::add);
                var instance = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
                blocked.add(new MigrationCheck.Blocked(instanceId, instance == null ? null
                        : instance.getBusinessKey(), reasons));
            } catch (ProcessEngineException e) {
                var instance = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
                blocked.add(new MigrationCheck.Blocked(instanceId, instance == null ? null
                        : instance.getBusinessKey(), List.of(shortMessage(e))));
            }
        }
        return new MigrationCheck(key, fromVersion, toVersion, instanceIds.size(), unmapped, blocked);
    }

    /**
     * Step 3: moves every running instance of {@code fromVersion} to {@code toVersion} as a batch; refused (nothing
     * moves) when the dry run finds an instance that cannot move.
     *
     * @return the batch's id, for {@link #progress(String)}
     */
    @Transactional
    public String migrate(String key, int fromVersion, int toVersion) {
        requireOwner();
        MigrationCheck check = checkMigration(key, fromVersion, toVersion);
        if (!check.canMigrate()) {
            throw new ModelRefusedException(check.blocked().isEmpty()
                    ? List.of(Problem.of(null, null, "modeling.migration.nothing"))
                    : check.blocked().stream().map(b -> Problem.of(b.processInstanceId(), b.businessKey(),
                            "modeling.migration.blocked", String.join("; ", b.reasons()))).toList());
        }
        var plan = plan(key, fromVersion, toVersion);
        var batch = runtime.newMigration(plan).processInstanceQuery(runtime.createProcessInstanceQuery()
                .processDefinitionId(definitionId(ModelKind.BPMN, key, fromVersion))).executeAsync();
        records.audit(users.requireStaff().username(), ModelAction.MIGRATION, key, toVersion,
                check.instances() + " instance(s) from version " + fromVersion + " to " + toVersion + ", batch "
                        + batch.getId(), clock.instant());
        return batch.getId();
    }

    /** How far a migration batch is; finished once the engine removed the batch. */
    @Transactional(readOnly = true)
    public MigrationProgress progress(String batchId) {
        requireOwner();
        var batch = management.createBatchQuery().batchId(batchId).singleResult();
        if (batch == null) {
            return new MigrationProgress(batchId, 0, 0, 0, true);
        }
        var statistics = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
        long total = batch.getTotalJobs();
        long remaining = statistics == null ? total : statistics.getRemainingJobs();
        long failed = statistics == null ? 0 : statistics.getFailedJobs();
        return new MigrationProgress(batchId, total, total - remaining, failed, false);
    }

    private org.camunda.bpm.engine.migration.MigrationPlan plan(String key, int fromVersion, int toVersion) {
        if (kindOf(key) != ModelKind.BPMN || fromVersion == toVersion) {
            throw new NotFoundException("a migration of " + key + " from " + fromVersion + " to " + toVersion);
        }
        return runtime.createMigrationPlan(definitionId(ModelKind.BPMN, key, fromVersion),
                definitionId(ModelKind.BPMN, key, toVersion)).mapEqualActivities().build();
    }


    // ---------------------------------------------------------------------------------------------------- helpers

    void requireOwner() {
        CurrentUser user = users.requireStaff();
        if (!user.has(Roles.PROCESS_OWNER) && !user.has(Roles.ADMIN)) {
            throw new NoAccessException("Processes are for process owners and admins", null);
        }
    }

    ModelKind kindOf(String key) {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() > 0) {
            return ModelKind.BPMN;
        }
        if (repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).count() > 0) {
            return ModelKind.DMN;
        }
        throw new NotFoundException("model " + key);
    }

    int latestVersion(ModelKind kind, String key) {
        if (kind == ModelKind.BPMN) {
            ProcessDefinition d = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                    .singleResult();
            return d == null ? 0 : d.getVersion();
        }
        DecisionDefinition d = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion()
                .singleResult();
        return d == null ? 0 : d.getVersion();
    }

    String definitionId(ModelKind kind, String key, int version) {
        if (kind == ModelKind.BPMN) {
            ProcessDefinition d = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                    .processDefinitionVersion(version).singleResult();
            if (d == null) {
                throw new NotFoundException("version " + version + " of " + key);
            }
            return d.getId();
        }
        DecisionDefinition d = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .decisionDefinitionVersion(version).singleResult();
        if (d == null) {
            throw new NotFoundException("version " + version + " of " + key);
        }
        return d.getId();
    }

    private byte[] bytes(ModelKind kind, String key, int version) {
        if (version <= 0) {
            return null;
        }
        String id = definitionId(kind, key, version);
        try (InputStream in = kind == ModelKind.BPMN ? repository.getProcessModel(id)
                : repository.getDecisionModel(id)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ModelVersion version(String key, ModelKind kind, int version, String definitionId, String deploymentId,
            Map<String, AppDeployment> app, long running) {
        AppDeployment mine = app.get(deploymentId);
        if (mine != null) {
            return new ModelVersion(key, kind, version, definitionId, deploymentId, mine.deployedAt(),
                    mine.deployedBy(), ModelSource.APP, mine.action(), mine.changeNote(), mine.diff(), running);
        }
        Deployment d = repository.createDeploymentQuery().deploymentId(deploymentId).singleResult();
        boolean fromApp = d != null && APP_SOURCE.equals(d.getSource());
        return new ModelVersion(key, kind, version, definitionId, deploymentId,
                d == null || d.getDeploymentTime() == null ? null : d.getDeploymentTime().toInstant(),
                fromApp ? "?" : "build", fromApp ? ModelSource.APP : ModelSource.BUILD, null, null, ModelDiff.NONE,
                running);
    }

    /** The id of the (first) process or decision in the file; null when it holds none or cannot be read. */
    static String holds(ModelKind kind, byte[] xml) {
        try {
            Element root = ModelGate.parse(xml).getDocumentElement();
            NodeList nodes = root.getElementsByTagNameNS("*", kind == ModelKind.BPMN ? "process" : "decision");
            for (int i = 0; i < nodes.getLength(); i++) {
                Node n = nodes.item(i);
                if (n instanceof Element e && e.hasAttribute("id")) {
                    return e.getAttribute("id");
                }
            }
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + " — " + b;
    }

    private static String nameOr(String name, String key) {
        return name == null || name.isBlank() ? key : name;
    }

    private static String shortMessage(Throwable e) {
        return ModelGate.DmnCheckMessages.of(e);
    }

    /** The documentation of a process, for its description. */
    static String documentation(BpmnModelInstance model, String key) {
        Process process = model.getModelElementById(key);
        return process == null ? null : process.getDocumentations().stream().map(Documentation::getTextContent)
                .filter(t -> t != null && !t.isBlank()).findFirst().orElse(null);
    }
}
