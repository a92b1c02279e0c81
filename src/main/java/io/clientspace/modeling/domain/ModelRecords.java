package io.clientspace.modeling.domain;

import io.clientspace.modeling.AuditEntry;
import io.clientspace.modeling.ModelAction;
import io.clientspace.modeling.ModelDiff;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** model_deployment and model_audit (V40), plain SQL: two append-only tables need no entity mapping. */
@Repository
public class ModelRecords {

    /** What the app knows of a version it deployed. */
    public record AppDeployment(String deploymentId, ModelAction action, String deployedBy, Instant deployedAt,
            String changeNote, ModelDiff diff) {
    }

    private final JdbcClient jdbc;

    ModelRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises deploys of one model across nodes until the transaction ends: the stale-version check and the
     * deployment then happen as one step.
     */
    public void lock(String modelKey) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('model:' || ?))").param(modelKey).query().singleRow();
    }

    public void insertDeployment(String key, String kind, int version, String deploymentId, ModelAction action,
            String by, Instant at, String note, ModelDiff diff) {
        jdbc.sql("""
                insert into model_deployment (id, model_key, kind, version, deployment_id, action, deployed_by,
                    deployed_at, change_note, diff_added, diff_removed, diff_changed)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), key, kind, version, deploymentId, action.name(), by, Timestamp.from(at),
                        note, String.join(",", diff.added()), String.join(",", diff.removed()),
                        String.join(",", diff.changed()))
                .update();
    }

    /** The app's deployments of a model, by engine deployment id. */
    public Map<String, AppDeployment> deploymentsOf(String key, String kind) {
        return jdbc.sql("""
                select deployment_id, action, deployed_by, deployed_at, change_note, diff_added, diff_removed,
                       diff_changed
                  from model_deployment where model_key = ? and kind = ?""").params(key, kind)
                .query((rs, i) -> new AppDeployment(rs.getString(1), ModelAction.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5),
                        new ModelDiff(ids(rs.getString(6)), ids(rs.getString(7)), ids(rs.getString(8)))))
                .list().stream().collect(Collectors.toMap(AppDeployment::deploymentId, d -> d));
    }

    public Optional<AppDeployment> deployment(String deploymentId) {
        return jdbc.sql("select model_key, kind from model_deployment where deployment_id = ?").param(deploymentId)
                .query((rs, i) -> deploymentsOf(rs.getString(1), rs.getString(2)).get(deploymentId)).optional();
    }

    public void audit(String actor, ModelAction action, String key, Integer version, String detail, Instant at) {
        jdbc.sql("insert into model_audit (id, at, actor, action, model_key, version, detail)"
                + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), Timestamp.from(at), actor, action.name(), key, version,
                        detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 3999) + "…")
                .update();
    }

    /** The newest {@code limit} audit rows, newest first. */
    public List<AuditEntry> audit(int limit) {
        return jdbc.sql("select at, actor, action, model_key, version, detail from model_audit"
                + " order by at desc, id limit ?").param(limit)
                .query((rs, i) -> new AuditEntry(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        ModelAction.valueOf(rs.getString(3)), rs.getString(4),
                        (Integer) rs.getObject(5), rs.getString(6)))
                .list();
    }

    private static List<String> ids(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
