package io.clientspace.reports;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Monday morning in the firm's time zone: the weekly summaries go out (DD036: a scheduled job, not a BPMN timer).
 * A node that was down at that hour catches up on its next run the same day: a recipient is sent at most once a day.
 */
@Component
class WeeklySummaryJob {

    private static final Logger log = LoggerFactory.getLogger(WeeklySummaryJob.class);

    private final WeeklySummaryService summaries;

    WeeklySummaryJob(WeeklySummaryService summaries) {
        this.summaries = summaries;
    }

    @Scheduled(cron = "${clientspace.reports.weekly-summary-cron:0 0 7-11 * * MON}",
            zone = "${clientspace.time.zone:UTC}")
    void send() {
        int sent = summaries.sendDue();
        if (sent > 0) {
            log.info("Sent {} weekly summaries", sent);
        }
    }
}
