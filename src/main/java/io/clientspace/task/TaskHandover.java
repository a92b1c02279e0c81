package io.clientspace.task;

import io.clientspace.shared.Handover;
import io.clientspace.shared.HandoverLine;
import io.clientspace.shared.HandoverParticipant;
import java.util.List;
import org.springframework.stereotype.Component;

/** A departing colleague's open tasks go to the successor, or back to the queue where the successor cannot go. */
@Component
class TaskHandover implements HandoverParticipant {

    private final WorkTaskService tasks;

    TaskHandover(WorkTaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<HandoverLine> preview(Handover handover) {
        return tasks.handoverPreview(handover);
    }

    @Override
    public void handOver(Handover handover) {
        tasks.handOver(handover);
    }
}
