package io.clientspace.timeline;

import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.deal.DealDraft;
import io.clientspace.deal.DealService;
import io.clientspace.deal.DealStage;
import io.clientspace.deal.StageMove;
import io.clientspace.shared.NoAccessException;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.task.TaskDraft;
import io.clientspace.task.TaskPriority;
import io.clientspace.task.WorkTaskService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The timeline records each change in the change's own transaction, in the order things happened. */
@ClientspaceIntegrationTest
class TimelineIntegrationTests {

    @Autowired
    TimelineService timeline;
    @Autowired
    ClientService clients;
    @Autowired
    DealService deals;
    @Autowired
    WorkTaskService tasks;

    @Test
    void dealMovesAndTasksAppearNewestFirstWithWhoDidWhat() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        DealDraft d = new DealDraft();
        d.setTitle("Payroll outsourcing");
        d.setAmount(new BigDecimal("9000"));
        d.setCurrency("EUR");
        d.setExpectedClose(LocalDate.now().plusMonths(1));
        d.setOwner("manager");
        var deal = asManager(() -> deals.create(client.id(), d));
        asManager(() -> deals.moveOn(deal.id(), DealStage.NEW, StageMove.advance("Send questionnaire",
                LocalDate.now().plusDays(2))));
        TaskDraft t = new TaskDraft();
        t.setTitle("Collect employee list");
        t.setAssignee("jonas");
        t.setPriority(TaskPriority.NORMAL);
        asManager(() -> tasks.create(client.id(), t));

        List<TimelineEntry> entries = asManager(() -> timeline.forClient(client.id(), 0));

        assertThat(entries).extracting(TimelineEntry::kind)
                .containsExactly("TASK_CREATED", "DEAL_STAGE", "DEAL_STAGE", "CLIENT_CREATED");
        assertThat(entries.get(0).detail()).isEqualTo("Jonas Weber");
        assertThat(entries.get(0).actorName()).isEqualTo("Maria Keller");
        assertThat(entries.get(1).subjectTitle()).isEqualTo("Payroll outsourcing");
        assertThat(entries.get(1).detail()).isEqualTo("StageQualified");
        assertThat(entries.get(1).actorName()).isEqualTo("Maria Keller");
    }

    @Test
    void aMemberCannotReadTheTimelineOfAClientOutsideTheirWorkGroup() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        assertThatThrownBy(() -> asMember(() -> timeline.forClient(client.id(), 0)))
                .isInstanceOf(NoAccessException.class);
    }
}
