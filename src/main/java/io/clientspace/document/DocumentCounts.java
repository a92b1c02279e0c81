package io.clientspace.document;

/** How many of a client's documents are ready, pending and in draft. */
public record DocumentCounts(long ready, long pending, long draft) {

    public long total() {
        return ready + pending + draft;
    }
}
