package io.clientspace.bench;

import io.clientspace.deal.process.DealStagesProcess;
import java.util.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.persistence.EntityManager;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the deal-stages process for every generated open deal, as {@code DealService.create} starts it, in
 * batches of {@value #BATCH} starts per transaction (the caller's, when there is one). Each start opens the New stage, whose listener writes the stage
 * task into work_task, as in production.
 */
@Component
@Order(1)
class DealProcessesInFlight implements InFlightProcesses {

    static final int BATCH = 50;

    private final RuntimeService runtime;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final EntityManager entityManager;

    DealProcessesInFlight(RuntimeService runtime, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                          Clock clock, EntityManager entityManager) {
        this.entityManager = entityManager;
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public String name() {
        return DealStagesProcess.PROCESS_ID;
    }

    @Override
    public int start(GeneratedData data, BenchScale scale) {
        List<UUID> deals = data.openDealIds();
        Date due = Date.from(LocalDate.now(clock).plusDays(7).atStartOfDay(clock.getZone()).toInstant());
        for (int i = 0; i < deals.size(); i += BATCH) {
            List<UUID> batch = deals.subList(i, Math.min(deals.size(), i + BATCH));
            tx.executeWithoutResult(status -> {
                List<Object[]> started = new ArrayList<>();
                for (UUID deal : batch) {
                    Map<String, Object> variables = new HashMap<>();
                    variables.put(DealStagesProcess.VAR_DEAL_ID, deal.toString());
                    variables.put(DealStagesProcess.VAR_OWNER, "manager");
                    variables.put(DealStagesProcess.VAR_NEXT_STEP_DUE, due);
                    var instance = runtime.startProcessInstanceByKey(DealStagesProcess.PROCESS_ID, deal.toString(),
                            variables);
                    started.add(new Object[] {instance.getId(), deal});
                }
                // the stage listener changed the deal rows through JPA: write that first, or its flush would later
                // overwrite the link
                entityManager.flush();
                jdbc.batchUpdate("update deal set process_instance_id = ? where id = ?", started);
            });
        }
        return deals.size();
    }
}
