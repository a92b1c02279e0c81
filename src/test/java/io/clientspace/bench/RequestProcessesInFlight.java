package io.clientspace.bench;

import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import static io.clientspace.support.Actors.asManager;

import io.clientspace.inforequest.InformationRequestService;
import io.clientspace.inforequest.ItemKind;
import io.clientspace.inforequest.RequestDraft;
import io.clientspace.inforequest.RequestItemDraft;
import io.clientspace.inforequest.process.InformationRequestProcess;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Sends {@link BenchScale#requests()} information requests in the large client's shared project through
 * {@link InformationRequestService}, as a manager would: each is numbered, gets its items and starts
 * information-request, which then waits on the customer with its reminder timer. Through the service rather than
 * COPY, because numbering, the send checks and the process start are what a request in flight is.
 */
@Component
@Order(2)
class RequestProcessesInFlight implements InFlightProcesses {

    private final InformationRequestService requests;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    RequestProcessesInFlight(InformationRequestService requests, Clock clock,
                             JdbcTemplate jdbc) {
        this.requests = requests;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /**
     * Each sent request mails every active contact after its commit, in the background; the measurements must not
     * share the machine with that, so this returns once every event publication is completed (or after 5 minutes).
     */
    private void awaitMailsSent() {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline && jdbc.queryForObject(
                "select count(*) from event_publication where completion_date is null", Long.class) > 0) {
            try {
                Thread.sleep(200); // polling a condition, with a deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public String name() {
        return InformationRequestProcess.PROCESS_ID;
    }

    @Override
    public int start(GeneratedData data, BenchScale scale) {
        LocalDate due = LocalDate.now(clock).plusDays(14);
        for (int i = 0; i < scale.requests(); i++) {
            RequestDraft draft = new RequestDraft("Bench request " + (i + 1), List.of(
                    new RequestItemDraft(ItemKind.QUESTION, "Which figures should the report show?", due),
                    new RequestItemDraft(ItemKind.FILE, "Last year's annual statement", due)));
            asManager(() -> requests.send(requests.createDraft(data.sharedProjectId(), draft).id()));
        }
        awaitMailsSent();
        return scale.requests();
    }
}
