package io.clientspace.deal.domain;

import io.clientspace.deal.DealFilter;
import java.util.List;
import java.util.UUID;

/**
 * The Deals tab's list, paged in the database: the rows a filter picks out of a client's deals (a project's, when
 * {@code projectScope} is set), newest first. Implemented by {@link DealListQueriesImpl}, a fragment of
 * {@link DealRepository}.
 */
public interface DealListQueries {

    /** Rows {@code offset} to {@code offset + limit} of the list, newest first (ties broken by id). */
    List<DealEntity> listPage(UUID clientId, UUID projectScope, DealFilter filter, int offset, int limit);

    /** How many rows the list has. */
    long listCount(UUID clientId, UUID projectScope, DealFilter filter);

    /** Per stored stage: (stage, deals, open deals, sum of versions), over the scope's deals. One grouped query. */
    List<Object[]> stageCounts(UUID clientId, UUID projectScope);
}
