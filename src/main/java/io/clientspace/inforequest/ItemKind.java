package io.clientspace.inforequest;

/** What an item asks for: a text answer or a file. */
public enum ItemKind {
    QUESTION, FILE
}
