package io.clientspace.extranet;

/** What an access review decides for one contact. */
public enum ReviewDecision { KEEP, REVOKE }
