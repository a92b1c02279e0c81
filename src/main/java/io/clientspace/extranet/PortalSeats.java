package io.clientspace.extranet;

import io.clientspace.shared.PlanLimit;
import io.clientspace.shared.PlanUsage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The firm's portal contacts that hold a seat under its plan (DD034): those invited or active, across all clients.
 * Contacts not invited yet, expired or revoked take none.
 */
@Component
class PortalSeats implements PlanUsage {

    private final JdbcTemplate jdbc;

    PortalSeats(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public PlanLimit limit() {
        return PlanLimit.PORTAL_CONTACTS;
    }

    @Override
    public long used() {
        Long n = jdbc.queryForObject("select count(*) from portal_account where status in ('INVITED', 'ACTIVE')",
                Long.class);
        return n == null ? 0 : n;
    }
}
