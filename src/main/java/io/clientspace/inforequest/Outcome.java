package io.clientspace.inforequest;

/** What an action did: changed something, or found it done already (a double click, another tab, a colleague). */
public enum Outcome {
    DONE, ALREADY_DONE
}
