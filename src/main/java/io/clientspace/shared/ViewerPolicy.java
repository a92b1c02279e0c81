package io.clientspace.shared;

/**
 * What the firm lets colleagues who only <em>view</em> a client read (issue 15 §1): by default everything; a firm may
 * keep amounts (deal values, proposal fees and rates, the money in reports) and the internal chat from them. Editors
 * and managers of a client always see both. The people module keeps the setting ({@code /admin/modules}); the client
 * module answers per client with {@code ClientService.seesAmounts}.
 */
public interface ViewerPolicy {

    /** Whether viewers see amounts and the internal chat. */
    boolean viewersSeeAmounts();
}
