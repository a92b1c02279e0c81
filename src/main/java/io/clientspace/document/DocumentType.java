package io.clientspace.document;

/** What a document is. Contract, invoice and act are the key documents a manager checks for every client. */
public enum DocumentType {
    CONTRACT, INVOICE, ACT, OTHER;

    public boolean isKey() {
        return this != OTHER;
    }
}
