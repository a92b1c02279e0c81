package io.clientspace.people;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes workspace access whose last day has passed, shortly after midnight and every hour after (a node that was
 * down at midnight catches up). Access checks ignore an ended grant already; this makes the removal visible on the
 * client's timeline and the Members tab.
 */
@Component
class MemberExpiry {

    private static final Logger log = LoggerFactory.getLogger(MemberExpiry.class);

    private final WorkspaceMemberService members;

    MemberExpiry(WorkspaceMemberService members) {
        this.members = members;
    }

    @Scheduled(cron = "${clientspace.members.expiry-cron:0 7 * * * *}", zone = "${clientspace.time.zone:UTC}")
    void run() {
        int removed = members.removeExpired();
        if (removed > 0) {
            log.info("Removed {} workspace access grant(s) whose end date passed", removed);
        }
    }
}
