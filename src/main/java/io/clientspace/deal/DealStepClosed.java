package io.clientspace.deal;

/** The user task of a deal's stage was completed or cancelled. */
public record DealStepClosed(String engineTaskId) {
}
