package io.clientspace.bench;

/**
 * Starts one kind of process for generated data, so the engine holds realistic runtime tables. Each module that runs
 * processes on clients adds a bean of this type (deals now; information requests, proposals and acceptances when they
 * land) and {@link BenchDataGenerator} runs them all after the rows are written.
 */
public interface InFlightProcesses {

    /** A short name for the generator's log, e.g. "deal-stages". */
    String name();

    /**
     * Starts the processes in batches (one transaction per batch), after the generated rows are committed.
     *
     * @return how many process instances started
     */
    int start(GeneratedData data, BenchScale scale);
}
