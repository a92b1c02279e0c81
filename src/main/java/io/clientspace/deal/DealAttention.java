package io.clientspace.deal;

/** Open deals on a client that need someone: stalled in their stage, or without a next step. */
public record DealAttention(long stalled, long withoutNextStep) {

    public static final DealAttention NONE = new DealAttention(0, 0);

    public long total() {
        return stalled + withoutNextStep;
    }
}
