package io.clientspace.modeling;

/**
 * A duration a model exposes as a start-event default, which the firm settings form lets a process owner change
 * without touching XML (stallAfter, remindEvery, ...).
 *
 * @param startEventId   the start event whose listener sets it
 * @param startEventName its label, may be null
 * @param value          the ISO-8601 duration in the newest version
 */
public record ModelSetting(String variable, String startEventId, String startEventName, String value) {
}
