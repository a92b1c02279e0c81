package io.clientspace.deal;

import io.clientspace.deal.process.DealStagesProcess;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import io.clientspace.shared.ProcessModelDeployed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The open stages of deals, read from the deployed deal-stages model rather than from code: a process owner who adds,
 * renames or reorders a stage in the model changes what the deal list, the move dialogs and the reports show, with
 * no release. A deal runs on the model version it started on, so its next and previous stages come from that
 * version; new deals and reopened ones follow the latest. See docs/decisions/DD015.
 * <p>
 * Each version's stage list is read once from its model and kept: a deployed version never changes. Which version is
 * the latest is asked again after {@link #LATEST_FOR} at most, so that creating a deal costs no extra query.
 */
@Component
public class DealStages {

    /**
     * How long the latest version's id is taken as known: a version deployed on another node shows within this time;
     * one deployed through this node shows at once ({@link #deployed()}).
     */
    static final Duration LATEST_FOR = Duration.ofMinutes(1);

    private final RepositoryService repository;
    private final Map<String, List<DealStage>> byDefinition = new ConcurrentHashMap<>();
    private final Map<String, Map<String, BigDecimal>> probabilities = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Latest latest;

    private record Latest(String definitionId, long readAtMillis) {
    }

    DealStages(RepositoryService repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The open stages of the latest deployed version, in order. */
    public List<DealStage> open() {
        return in(latestDefinitionId());
    }

    /** The open stages of one deployed version, in order. */
    public List<DealStage> in(String processDefinitionId) {
        return byDefinition.computeIfAbsent(processDefinitionId,
                id -> DealStagesProcess.stages(repository.getBpmnModelInstance(id)));
    }

    /**
     * How likely a deal in this stage is to be won, from 0 to 1, as the latest model says (its winProbability
     * property, else by the stage's place); 0 for stages the latest model no longer has. For the weighted forecast.
     */
    public BigDecimal winProbability(DealStage stage) {
        return probabilities.computeIfAbsent(latestDefinitionId(),
                id -> DealStagesProcess.winProbabilities(repository.getBpmnModelInstance(id)))
                .getOrDefault(stage.code(), BigDecimal.ZERO);
    }

    /** Where a new deal starts, and a lost deal reopens when the stage it was lost from is gone. */
    public DealStage first() {
        List<DealStage> open = open();
        if (open.isEmpty()) {
            throw new IllegalStateException("The deployed deal-stages model has no stage");
        }
        return open.get(0);
    }

    /** The stage after {@code stage} in the given version; empty for its last stage, the ends and unknown stages. */
    public Optional<DealStage> next(String processDefinitionId, DealStage stage) {
        List<DealStage> stages = in(processDefinitionId);
        int i = stages.indexOf(stage);
        return i < 0 || i == stages.size() - 1 ? Optional.empty() : Optional.of(stages.get(i + 1));
    }

    /** The stage before {@code stage} in the given version; empty for its first stage, the ends and unknown ones. */
    public Optional<DealStage> previous(String processDefinitionId, DealStage stage) {
        List<DealStage> stages = in(processDefinitionId);
        int i = stages.indexOf(stage);
        return i <= 0 ? Optional.empty() : Optional.of(stages.get(i - 1));
    }

    /**
     * The stage with this stored code, named as the model names it: from the latest version, else from any version
     * read so far (a stage that a later version dropped), else by its code.
     */
    public DealStage named(String code) {
        DealStage bare = DealStage.ofCode(code);
        if (!bare.isOpen()) {
            return bare;
        }
        Optional<DealStage> latest = open().stream().filter(bare::equals).findFirst();
        if (latest.isPresent()) {
            return latest.get();
        }
        return byDefinition.values().stream().flatMap(List::stream).filter(bare::equals).findFirst().orElse(bare);
    }

    /** The stage as the model names it. */
    public DealStage named(DealStage stage) {
        return stage == null ? null : named(stage.code());
    }

    private String latestDefinitionId() {
        Latest known = latest;
        // the app's clock, not System.nanoTime: a test that compares what two calls send can hold it still
        long now = clock.millis();
        if (known != null && now >= known.readAtMillis() && now - known.readAtMillis() < LATEST_FOR.toMillis()) {
            return known.definitionId();
        }
        ProcessDefinition definition = repository.createProcessDefinitionQuery()
                .processDefinitionKey(DealStagesProcess.PROCESS_ID).latestVersion().singleResult();
        if (definition == null) {
            throw new IllegalStateException("No deal-stages model is deployed");
        }
        latest = new Latest(definition.getId(), now);
        return definition.getId();
    }

    /** Forgets which version is the latest: the next question reads it (after a deployment, in tests). */
    public void deployed() {
        latest = null;
    }

    /** A deal-stages version deployed from the app (modeling) is the latest at once on this node. */
    @EventListener
    void on(ProcessModelDeployed deployed) {
        if (DealStagesProcess.PROCESS_ID.equals(deployed.modelKey())) {
            deployed();
        }
    }
}
