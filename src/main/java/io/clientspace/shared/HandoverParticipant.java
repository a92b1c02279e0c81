package io.clientspace.shared;

import java.util.List;

/**
 * A module's part in handing a departing colleague's work to a successor (people module, Colleagues). The people
 * module runs every participant in {@link #order()} within one transaction: clients first, so that the later parts
 * see the successor as the owner of the clients that moved.
 */
public interface HandoverParticipant {

    int order();

    /** What would move; nothing changes. */
    List<HandoverLine> preview(Handover handover);

    /** Moves exactly what {@link #preview} listed as moving or unassigned; runs as an admin. */
    void handOver(Handover handover);
}
