package io.clientspace.checklist.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The tables of required documents (V55): plain SQL, since an item's upsert per workspace and requirement is one
 * {@code on conflict do nothing} that JPA cannot say. Only ChecklistService uses it.
 */
@Repository
public class ChecklistStore {

    private static final UUID NO_PROJECT = new UUID(0, 0);

    private final JdbcTemplate jdbc;

    ChecklistStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------------------------------ requirements

    public record RequirementRow(UUID id, String name, String type, String renewEvery, String providedBy,
                                 long version) {
    }

    public List<RequirementRow> requirements() {
        return jdbc.query("select * from document_requirement order by lower(name)", ChecklistStore::requirement);
    }

    public Optional<RequirementRow> requirement(UUID id) {
        return jdbc.query("select * from document_requirement where id = ?", ChecklistStore::requirement, id)
                .stream().findFirst();
    }

    public boolean requirementNameTaken(String name, UUID except) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from document_requirement"
                + " where lower(name) = lower(?) and id <> ?)", Boolean.class, name, except == null ? NO_PROJECT : except));
    }

    public void insertRequirement(UUID id, String name, String type, String renewEvery, String providedBy,
                                  Instant now) {
        jdbc.update("insert into document_requirement (id, name, type, renew_every, provided_by, created_at)"
                + " values (?, ?, ?, ?, ?, ?)", id, name, type, renewEvery, providedBy, Timestamp.from(now));
    }

    /** @return false when the row is not at {@code seenVersion} (someone changed it since) */
    public boolean updateRequirement(UUID id, long seenVersion, String name, String type, String renewEvery,
                                     String providedBy) {
        return jdbc.update("update document_requirement set name = ?, type = ?, renew_every = ?, provided_by = ?,"
                + " version = version + 1 where id = ? and version = ?", name, type, renewEvery, providedBy, id,
                seenVersion) == 1;
    }

    public void deleteRequirement(UUID id) {
        jdbc.update("delete from document_requirement where id = ?", id);
    }

    // ---------------------------------------------------------------------------------------------- templates

    public record TemplateRow(UUID id, String name, String clientKind, String tag, long version) {
    }

    public List<TemplateRow> templates() {
        return jdbc.query("select * from checklist_template order by lower(name)", (rs, n) -> new TemplateRow(
                rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("client_kind"),
                rs.getString("tag"), rs.getLong("version")));
    }

    /** Requirement ids per template. */
    public Map<UUID, List<UUID>> templateRequirements() {
        Map<UUID, List<UUID>> result = new HashMap<>();
        jdbc.query("select template_id, requirement_id from checklist_template_requirement", rs -> {
            result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(rs.getObject(2, UUID.class));
        });
        return result;
    }

    public boolean templateNameTaken(String name, UUID except) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from checklist_template"
                + " where lower(name) = lower(?) and id <> ?)", Boolean.class, name, except == null ? NO_PROJECT : except));
    }

    public void insertTemplate(UUID id, String name, String clientKind, String tag, Instant now) {
        jdbc.update("insert into checklist_template (id, name, client_kind, tag, created_at) values (?, ?, ?, ?, ?)",
                id, name, clientKind, tag, Timestamp.from(now));
    }

    public boolean updateTemplate(UUID id, long seenVersion, String name, String clientKind, String tag) {
        return jdbc.update("update checklist_template set name = ?, client_kind = ?, tag = ?, version = version + 1"
                + " where id = ? and version = ?", name, clientKind, tag, id, seenVersion) == 1;
    }

    public void setTemplateRequirements(UUID templateId, Collection<UUID> requirementIds) {
        jdbc.update("delete from checklist_template_requirement where template_id = ?", templateId);
        for (UUID r : requirementIds) {
            jdbc.update("insert into checklist_template_requirement (template_id, requirement_id) values (?, ?)",
                    templateId, r);
        }
    }

    public void deleteTemplate(UUID id) {
        jdbc.update("delete from checklist_template where id = ?", id);
    }

    // -------------------------------------------------------------------------------------------------- items

    public record ItemRow(UUID id, UUID clientId, UUID projectId, UUID requirementId, String source, Instant removedAt,
                          UUID requestId, UUID requestItemId, UUID documentId, UUID documentVersionId,
                          Instant providedAt) {
    }

    /** The workspace's items, removed ones too. */
    public List<ItemRow> items(UUID clientId, UUID projectId) {
        return jdbc.query("select * from checklist_item where client_id = ? and coalesce(project_id, ?) = ?",
                ChecklistStore::item, clientId, NO_PROJECT, projectId == null ? NO_PROJECT : projectId);
    }

    /** A requirement as a template attaches it: the template's client kind and tag (either null: any). */
    public record TemplatedRequirement(String clientKind, String tag, RequirementRow requirement) {
    }

    /** Every template's requirements with the template's kind and tag: one statement, for a read that writes nothing. */
    public List<TemplatedRequirement> templatedRequirements() {
        return jdbc.query("select t.client_kind, t.tag, r.* from checklist_template t"
                + " join checklist_template_requirement tr on tr.template_id = t.id"
                + " join document_requirement r on r.id = tr.requirement_id",
                (rs, n) -> new TemplatedRequirement(rs.getString("client_kind"), rs.getString("tag"),
                        requirement(rs, n)));
    }

    /** An item of a workspace with its requirement. */
    public record ItemWithRequirement(ItemRow item, RequirementRow requirement) {
    }

    /** The workspace's items (removed ones too), each with its requirement: one statement. */
    public List<ItemWithRequirement> itemsWithRequirements(UUID clientId, UUID projectId) {
        return jdbc.query("select i.*, r.name, r.type, r.renew_every, r.provided_by, r.version"
                        + " from checklist_item i join document_requirement r on r.id = i.requirement_id"
                        + " where i.client_id = ? and coalesce(i.project_id, ?) = ?",
                (rs, n) -> new ItemWithRequirement(item(rs, n), new RequirementRow(
                        rs.getObject("requirement_id", UUID.class), rs.getString("name"), rs.getString("type"),
                        rs.getString("renew_every"), rs.getString("provided_by"), rs.getLong("version"))),
                clientId, NO_PROJECT, projectId == null ? NO_PROJECT : projectId);
    }

    public Optional<ItemRow> item(UUID id) {
        return jdbc.query("select * from checklist_item where id = ?", ChecklistStore::item, id).stream().findFirst();
    }

    /** Items that an information request item asks for. */
    public List<ItemRow> itemsRequestedBy(UUID requestItemId) {
        return jdbc.query("select * from checklist_item where request_item_id = ? for update", ChecklistStore::item,
                requestItemId);
    }

    /** Adds the item unless the workspace has one for the requirement already (removed or not). */
    public void insertItemIfAbsent(UUID clientId, UUID projectId, UUID requirementId, String source, Instant now) {
        jdbc.update("insert into checklist_item (id, client_id, project_id, requirement_id, source, created_at)"
                + " values (?, ?, ?, ?, ?, ?) on conflict do nothing", UUID.randomUUID(), clientId, projectId,
                requirementId, source, Timestamp.from(now));
    }

    /** Takes an item that came from a template, nobody asked for and nothing provided, out of the list. */
    public void deleteItem(UUID id) {
        jdbc.update("delete from checklist_item where id = ?", id);
    }

    public void markRemoved(UUID id, String by, Instant now) {
        jdbc.update("update checklist_item set removed_at = ?, removed_by = ? where id = ?", Timestamp.from(now), by, id);
    }

    /** A manager adds a requirement by hand: a new item, or a removed one back, as their own. */
    public void restoreAsManual(UUID id) {
        jdbc.update("update checklist_item set removed_at = null, removed_by = null, source = 'MANUAL' where id = ?",
                id);
    }

    public void requested(UUID id, UUID requestId, UUID requestItemId, Instant now) {
        jdbc.update("update checklist_item set request_id = ?, request_item_id = ?, requested_at = ? where id = ?",
                requestId, requestItemId, Timestamp.from(now), id);
    }

    public void provided(UUID id, UUID documentId, UUID versionId, Instant now) {
        jdbc.update("update checklist_item set document_id = ?, document_version_id = ?, provided_at = ?,"
                + " request_id = null, request_item_id = null, requested_at = null where id = ?", documentId,
                versionId, Timestamp.from(now), id);
    }

    /** A cancelled request no longer asks for anything: its items fall back to what their documents say. */
    public int clearRequest(UUID requestId) {
        return jdbc.update("update checklist_item set request_id = null, request_item_id = null, requested_at = null"
                + " where request_id = ?", requestId);
    }

    /** The workspaces (client id, project id or null) whose items an information request asks for. */
    public List<UUID[]> scopesOfRequest(UUID requestId) {
        return jdbc.query("select distinct client_id, project_id from checklist_item where request_id = ?",
                (rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}, requestId);
    }

    private static RequirementRow requirement(ResultSet rs, int n) throws SQLException {
        return new RequirementRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("type"),
                rs.getString("renew_every"), rs.getString("provided_by"), rs.getLong("version"));
    }

    private static ItemRow item(ResultSet rs, int n) throws SQLException {
        return new ItemRow(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
                rs.getObject("project_id", UUID.class), rs.getObject("requirement_id", UUID.class),
                rs.getString("source"), instant(rs, "removed_at"), rs.getObject("request_id", UUID.class),
                rs.getObject("request_item_id", UUID.class), rs.getObject("document_id", UUID.class),
                rs.getObject("document_version_id", UUID.class), instant(rs, "provided_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
    // ------------------------------------------------------------------------------------ renewal reminders (V60)

    /** The workspaces (client id, project id or null) with an item that links a document for a renewable requirement. */
    public List<UUID[]> workspacesLinkingRenewable() {
        return jdbc.query("select distinct i.client_id, i.project_id from checklist_item i"
                + " join document_requirement r on r.id = i.requirement_id"
                + " where r.renew_every is not null and i.document_id is not null and i.removed_at is null",
                (rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)});
    }

    /**
     * Claims the reminder for a requirement's document due for renewal by that date.
     *
     * @return false when it was claimed before, by this node or another: nothing more to do
     */
    public boolean claimReminder(UUID requirementId, UUID documentId, Instant renewBy, UUID clientId,
                                 UUID projectId, String state, String owner, Instant now) {
        return jdbc.update("insert into checklist_renewal_reminder (requirement_id, document_id, renew_by, client_id,"
                + " project_id, state, owner, sent_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                requirementId, documentId, Timestamp.from(renewBy), clientId, projectId, state, owner,
                Timestamp.from(now)) == 1;
    }

    /** Records the task a reminder opened. */
    public void reminderTask(UUID requirementId, UUID documentId, Instant renewBy, String state, UUID taskId) {
        jdbc.update("update checklist_renewal_reminder set task_id = ? where requirement_id = ? and document_id = ?"
                + " and renew_by = ? and state = ?", taskId, requirementId, documentId, Timestamp.from(renewBy), state);
    }

    /** Whether an earlier reminder for the same renewal already opened a task. */
    public boolean reminderTaskOpened(UUID requirementId, UUID documentId, Instant renewBy) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from checklist_renewal_reminder"
                + " where requirement_id = ? and document_id = ? and renew_by = ? and task_id is not null)",
                Boolean.class, requirementId, documentId, Timestamp.from(renewBy)));
    }
}
