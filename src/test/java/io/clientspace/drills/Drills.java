package io.clientspace.drills;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.deal.DealDraft;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the drills share: waiting for a condition, test data, and the invariants that must hold after a fault. */
final class Drills {

    private Drills() {
    }

    /** Polls the condition until it holds; fails with {@code what} when the time is up. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for: " + what);
            }
            try {
                Thread.sleep(100); // the poll interval of a condition with a deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for: " + what);
            }
        }
    }

    static DealDraft deal(String title) {
        DealDraft d = new DealDraft();
        d.setTitle(title);
        d.setAmount(new BigDecimal("1000"));
        d.setCurrency("EUR");
        d.setExpectedClose(LocalDate.now().plusDays(30));
        d.setOwner("manager");
        return d;
    }

    /**
     * No half-written record: every open deal has its running deal-stages instance and every such instance its deal;
     * every waiting acceptance its running document-acceptance instance and every such instance its waiting
     * acceptance; every open process task row has its engine task and every engine task its open row.
     */
    static void assertNoHalfWrittenRecords(JdbcTemplate jdbc) {
        assertThat(jdbc.queryForList("""
                select d.id || ' instance ' || coalesce(d.process_instance_id, '-') || ' executions ' || coalesce((
                    select string_agg(e.id_ || '/' || e.proc_inst_id_ || '/' || coalesce(e.business_key_, '-'), ',')
                    from act_ru_execution e where e.proc_inst_id_ = d.process_instance_id), '-')
                from deal d where d.closed_at is null and not exists (
                    select 1 from act_ru_execution e
                    where e.id_ = e.proc_inst_id_ and e.id_ = d.process_instance_id and e.business_key_ = d.id::text)
                """, String.class)).as("open deals without their process instance").isEmpty();
        assertThat(jdbc.queryForList("""
                select e.business_key_ from act_ru_execution e join act_re_procdef p on p.id_ = e.proc_def_id_
                where p.key_ = 'deal-stages' and e.id_ = e.proc_inst_id_
                  and not exists (select 1 from deal d where d.id::text = e.business_key_ and d.closed_at is null)
                """, String.class)).as("deal-stages instances without their open deal").isEmpty();
        assertThat(jdbc.queryForList("""
                select a.id::text from document_acceptance a where a.status = 'PENDING' and not exists (
                    select 1 from act_ru_execution e join act_re_procdef p on p.id_ = e.proc_def_id_
                    where p.key_ = 'document-acceptance' and e.id_ = e.proc_inst_id_ and e.business_key_ = a.id::text)
                """, String.class)).as("waiting acceptances without their process instance").isEmpty();
        assertThat(jdbc.queryForList("""
                select e.business_key_ from act_ru_execution e join act_re_procdef p on p.id_ = e.proc_def_id_
                where p.key_ = 'document-acceptance' and e.id_ = e.proc_inst_id_ and not exists (
                    select 1 from document_acceptance a where a.id::text = e.business_key_ and a.status = 'PENDING')
                """, String.class)).as("document-acceptance instances without their waiting acceptance").isEmpty();
        assertThat(jdbc.queryForList("""
                select w.id::text from work_task w where w.completed_at is null and w.source = 'PROCESS'
                  and not exists (select 1 from act_ru_task t where t.id_ = w.engine_task_id)
                """, String.class)).as("open task rows whose engine task is gone").isEmpty();
        assertThat(jdbc.queryForList("""
                select t.id_ from act_ru_task t where not exists (
                    select 1 from work_task w where w.engine_task_id = t.id_ and w.completed_at is null)
                """, String.class)).as("engine tasks without their open task row").isEmpty();
    }
}
