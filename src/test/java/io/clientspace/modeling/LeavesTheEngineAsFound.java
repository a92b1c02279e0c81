package io.clientspace.modeling;

import io.clientspace.deal.DealStages;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For tests that deploy models: every test in the suite shares one engine, so a decision table or process version
 * left deployed changes what later tests decide (a test that raised the approval threshold made two proposal tests
 * see SENT instead of AWAITING_APPROVAL). After each test, the deployments it made and their records are removed,
 * and the deal stages are re-read from the versions left. Batches the test started are removed first.
 */
public final class LeavesTheEngineAsFound implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LeavesTheEngineAsFound.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        ApplicationContext spring = SpringExtension.getApplicationContext(context);
        context.getStore(NS).put("before", ids(spring.getBean(RepositoryService.class)));
        context.getStore(NS).put("batches", batches(spring.getBean(ManagementService.class)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterEach(ExtensionContext context) {
        ApplicationContext spring = SpringExtension.getApplicationContext(context);
        RepositoryService repository = spring.getBean(RepositoryService.class);
        JdbcTemplate jdbc = spring.getBean(JdbcTemplate.class);
        List<String> before = context.getStore(NS).get("before", List.class);
        List<String> batchesBefore = context.getStore(NS).get("batches", List.class);
        ManagementService management = spring.getBean(ManagementService.class);
        // a migration batch the test started goes first: its jobs must not run against versions being removed
        for (String batch : batches(management)) {
            if (!batchesBefore.contains(batch)) {
                try {
                    management.deleteBatch(batch, true);
                } catch (OptimisticLockingException finishedMeanwhile) {
                    // the batch's monitor job completed and removed it at the same moment: it is gone either way
                }
            }
        }
        for (String id : ids(repository)) {
            if (!before.contains(id)) {
                jdbc.update("delete from model_deployment where deployment_id = ?", id);
                repository.deleteDeployment(id, true);
            }
        }
        spring.getBean(DealStages.class).deployed();
    }

    private static List<String> batches(ManagementService management) {
        return management.createBatchQuery().list().stream().map(Batch::getId).toList();
    }

    private static List<String> ids(RepositoryService repository) {
        return repository.createDeploymentQuery().list().stream().map(Deployment::getId).toList();
    }
}
