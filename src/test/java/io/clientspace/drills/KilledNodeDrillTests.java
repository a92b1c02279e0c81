package io.clientspace.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import io.clientspace.acceptance.process.DocumentAcceptanceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The app process is killed outright ({@code kill -9}) in the middle of its work, and started again.
 */
class KilledNodeDrillTests {

    static Process child;
    static DrillNode restarted;

    @AfterAll
    static void stop() {
        if (child != null) {
            child.destroyForcibly();
        }
        if (restarted != null) {
            restarted.close();
        }
    }

    /**
     * <b>Fault:</b> the app's JVM is killed with SIGKILL in the middle of 50 deal creations and 50 acceptances (each
     * deal a row and a deal-stages process started in one transaction; each acceptance a contract sent, a
     * document-acceptance process started, and every other one accepted by the client's contact); while it is down,
     * the stall timers of ten of those deals and the deadlines of five waiting acceptances fall due.
     * <b>The user sees:</b> the app is gone; after the restart, every deal they were told was created is there, every
     * acceptance the contact was told was recorded is accepted, the deals whose timers fell due meanwhile are
     * flagged as stalled, and the acceptances whose deadline passed meanwhile show as expired.
     * <b>Afterwards:</b> every open deal and every waiting acceptance has its process instance and every instance its
     * record; every open task row its engine task and back; each timer that fell due while the app was down fired
     * exactly once, within five minutes of the restart.
     */
    @Test
    void killedMidRunTheAppRestartsWithEveryRecordWholeAndDueTimersFireOnce() throws Exception {
        DrillServices services = DrillServices.get();
        String database = services.postgres.createDatabase("drill_killed");
        Map<String, Object> settings = DrillNode.settings(database);

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1"));
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")), DrillChild.class.getName()));
        child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<UUID> reportedCreated = new CopyOnWriteArrayList<>();
        List<UUID> clientIds = new CopyOnWriteArrayList<>();
        List<UUID> reportedSent = new CopyOnWriteArrayList<>();
        List<UUID> reportedAccepted = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (var in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith(DrillChild.CREATED)) {
                        reportedCreated.add(UUID.fromString(line.substring(DrillChild.CREATED.length()).trim()));
                    } else if (line.startsWith(DrillChild.SENT)) {
                        reportedSent.add(UUID.fromString(line.substring(DrillChild.SENT.length()).trim()));
                    } else if (line.startsWith(DrillChild.ACCEPTED)) {
                        reportedAccepted.add(UUID.fromString(line.substring(DrillChild.ACCEPTED.length()).trim()));
                    } else if (line.startsWith(DrillChild.READY)) {
                        clientIds.add(UUID.fromString(line.substring(DrillChild.READY.length()).trim()));
                    }
                }
            } catch (java.io.IOException e) {
                // the child was killed
            }
        }, "drill-child-output");
        reader.setDaemon(true);
        reader.start();

        // killed mid-run: well into the 50 rounds, and well before their end
        Drills.await("the child app creating deals and acceptances", Duration.ofSeconds(240),
                () -> reportedSent.size() >= 10 && reportedAccepted.size() >= 10 || !child.isAlive());
        assertThat(child.isAlive()).as("the child app still running when it is killed").isTrue();
        assertThat(reportedCreated).as("deal creations reported before the kill").hasSizeLessThan(DrillChild.ROUNDS);
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback, no flush
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        reader.join(5000);

        // while the app is down, the stall timers of the first ten deals fall due
        JdbcTemplate jdbc = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                database, "postgres", "postgres"));
        List<UUID> due = reportedCreated.subList(0, 10);
        for (UUID deal : due) {
            assertThat(jdbc.update("""
                    update act_ru_job set duedate_ = now() - interval '1 minute'
                    where type_ = 'timer' and process_instance_id_ = (select process_instance_id from deal where id = ?)
                    """, deal)).as("stall timers of deal " + deal).isEqualTo(1);
        }

        // ... and so do the deadlines of five acceptances that wait for the contact
        List<UUID> expiring = reportedSent.subList(0, 5);
        for (UUID acceptance : expiring) {
            assertThat(jdbc.update("""
                    update act_ru_job set duedate_ = now() - interval '1 minute'
                    where type_ = 'timer' and handler_cfg_ like ? and process_instance_id_ = (
                        select e.id_ from act_ru_execution e where e.id_ = e.proc_inst_id_ and e.business_key_ = ?)
                    """, DocumentAcceptanceProcess.EXPIRED_TIMER + "%", acceptance.toString()))
                    .as("deadline timer of acceptance " + acceptance).isEqualTo(1);
        }

        long restartedAt = System.nanoTime();
        restarted = DrillNode.start("killed-restart", database, Map.of("camunda.bpm.job-execution.max-wait", "1000",
                "camunda.bpm.job-execution.wait-time-in-millis", "200"));
        Drills.await("the timers due meanwhile fired", Duration.ofMinutes(5), () -> due.stream().allMatch(d ->
                jdbc.queryForObject("select stalled_at is not null from deal where id = ?", Boolean.class, d))
                && expiring.stream().allMatch(a -> "EXPIRED".equals(status(jdbc, a))));
        assertThat(Duration.ofNanos(System.nanoTime() - restartedAt)).as("restart to fired timers")
                .isLessThan(Duration.ofMinutes(5));

        assertThat(jdbc.queryForList("select id from deal where client_id = ?", UUID.class, clientIds.get(0)))
                .as("every deal reported created exists").containsAll(reportedCreated);
        for (UUID deal : due) {
            assertThat(jdbc.queryForObject("""
                    select count(*) from act_hi_actinst h join deal d on d.process_instance_id = h.proc_inst_id_
                    where d.id = ? and h.act_type_ = 'boundaryTimer'""", Integer.class, deal))
                    .as("timer activities of " + deal).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from timeline_entry where subject_id = ?"
                    + " and kind = 'DEAL_STALLED'", Integer.class, deal)).as("stall entries of " + deal).isEqualTo(1);
        }
        for (UUID acceptance : reportedAccepted) {
            assertThat(status(jdbc, acceptance)).as("acceptance the contact was told was recorded").isEqualTo("ACCEPTED");
        }
        for (UUID acceptance : reportedSent) {
            assertThat(status(jdbc, acceptance)).as("acceptance " + acceptance)
                    .isEqualTo(expiring.contains(acceptance) ? "EXPIRED" : "PENDING");
        }
        for (UUID acceptance : expiring) {
            assertThat(jdbc.queryForObject("""
                    select count(*) from act_hi_actinst h join act_hi_procinst p on p.proc_inst_id_ = h.proc_inst_id_
                    where p.business_key_ = ? and h.act_id_ = ?""", Integer.class, acceptance.toString(),
                    DocumentAcceptanceProcess.EXPIRED_TIMER)).as("deadline activities of " + acceptance).isEqualTo(1);
            assertThat(jdbc.queryForObject("""
                    select count(*) from timeline_entry where kind = 'ACCEPTANCE_EXPIRED'
                      and subject_id = (select document_id from document_acceptance where id = ?)""", Integer.class,
                    acceptance)).as("expiry entries of " + acceptance).isEqualTo(1);
        }
        Drills.assertNoHalfWrittenRecords(jdbc);
    }

    private static String status(JdbcTemplate jdbc, UUID acceptance) {
        return jdbc.queryForObject("select status from document_acceptance where id = ?", String.class, acceptance);
    }
}
