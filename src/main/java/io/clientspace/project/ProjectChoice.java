package io.clientspace.project;

import java.util.UUID;

/**
 * A project as a list to choose from shows it: its id and name. A workspace's Deals tab keeps one per project of the
 * client for its filter and its dialogs, in every open session, so it holds no more than that (a full
 * {@link ClientProject} carries its description, dates and members).
 */
public record ProjectChoice(UUID id, String name) {
}
