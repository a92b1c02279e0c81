package io.clientspace.checklist;

import io.clientspace.document.DocumentType;
import java.util.List;

/**
 * A workspace's required documents as its checklist's key-documents line shows them (issue 20): each with its state
 * now. {@code defaultTrio} is true when no template or item gives the workspace a list, so the fixed key documents
 * (contract, invoice, act) stand in; their lines then have no {@code name} and are named by {@code type}.
 */
public record RequiredDocuments(List<Line> lines, boolean defaultTrio) {

    /** One required document: {@code name} null only for the default trio's lines. */
    public record Line(String name, DocumentType type, RequirementState state) {
    }

    /** The lines that need someone: missing and expired. */
    public List<Line> needingAction() {
        return lines.stream().filter(l -> l.state().needsAction()).toList();
    }

    /** The lines not yet provided: everything but provided and expiring. */
    public List<Line> open() {
        return lines.stream().filter(l -> l.state() != RequirementState.PROVIDED
                && l.state() != RequirementState.EXPIRING).toList();
    }

    /** Whether every required document is there (provided or expiring, but not past renewal). */
    public boolean complete() {
        return open().isEmpty();
    }
}
