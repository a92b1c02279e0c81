package io.clientspace.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Limits what the embedded engine accepts, whoever asks: a new deployment may hold BPMN and DMN models only, under
 * plain file names (the engine's counterpart of a deployment resource whitelist), and stored queries (Tasklist
 * filters) may not evaluate expressions. Engine authorization itself is switched on in application.yml; the app's own
 * engine calls run without an authenticated engine user, which the engine does not check. See
 * docs/decisions/DD008-threat-model.md.
 */
@Component
class EngineHardening extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(EngineHardening.class);

    /** Models only: no scripts, forms, archives or anything else a deployment could smuggle in. */
    static final Pattern ALLOWED_RESOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*\\.(bpmn|dmn)");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreDeployers());
        deployers.add(0, new ResourceWhitelist());
        configuration.setCustomPreDeployers(deployers);
        configuration.setEnableExpressionsInStoredQueries(false);
        configuration.setEnableExpressionsInAdhocQueries(false);
        configuration.setResourceAuthorizationProvider(new NoTaskGrants());
    }

    /**
     * With authorization on, the engine filters every query by grants, admins included: the group the webapps put
     * admins in ({@link CamundaSingleSignOn#CAMUNDA_ADMIN_GROUP}) gets every permission on every resource, as
     * Camunda's own first-admin setup does. Idempotent; the app's own calls need no grant.
     */
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        AuthorizationService authorizations = engine.getAuthorizationService();
        for (Resources resource : Resources.values()) {
            grant(authorizations, CamundaSingleSignOn.CAMUNDA_ADMIN_GROUP, resource, Authorization.ANY,
                    Permissions.ALL);
        }
        PROCESS_OWNER_GRANTS.forEach(g -> grant(authorizations, CamundaSingleSignOn.PROCESS_OWNERS_GROUP,
                g.resource(), g.resourceId(), g.permissions()));
        try {
            CamundaSingleSignOn.ensureAdminGroupHasAMember(engine.getIdentityService());
        } catch (ProcessEngineException e) {
            // another node made it at the same moment
            LOG.debug("Engine's system admin not saved: {}", e.getMessage());
        }
    }

    /** One grant: a resource type, one id or {@link Authorization#ANY}, and what may be done to it. */
    record Grant(Resource resource, String resourceId, Permission... permissions) {
    }

    /**
     * What process owners may do in Cockpit: open it, read every model, its instances and history, and retry a
     * failed job. Not: deploy or delete there (models go through the app's gate), change variables, cancel or move
     * instances, see or complete tasks (no task grant, and Tasklist is closed to them), or anything in Admin (users,
     * groups, grants). The Keycloak-role-to-group mapping is in {@link CamundaSingleSignOn} and DD003.
     */
    static final List<Grant> PROCESS_OWNER_GRANTS = List.of(
            new Grant(Resources.APPLICATION, "cockpit", Permissions.ACCESS),
            new Grant(Resources.PROCESS_DEFINITION, Authorization.ANY, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.RETRY_JOB),
            new Grant(Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.READ_HISTORY),
            new Grant(Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, Permissions.READ),
            new Grant(Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ));

    /** Saves the grant unless the group already has one on that resource; idempotent across restarts and nodes. */
    private static void grant(AuthorizationService authorizations, String group, Resource resource, String resourceId,
                              Permission... permissions) {
        boolean granted = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).count() > 0;
        if (granted) {
            return;
        }
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        for (Permission p : permissions) {
            grant.addPermission(p);
        }
        try {
            authorizations.saveAuthorization(grant);
        } catch (ProcessEngineException e) {
            // another node granted it at the same moment
            LOG.debug("Grant of {} on {} not saved: {}", group, resource, e.getMessage());
        }
    }

    /**
     * With authorization on, the engine would write grant rows for every task's assignee and candidates, so that
     * Tasklist shows them their tasks. Tasklist is for admins only, who pass every check anyway, and the app keeps
     * its tasks and their permissions in its own tables: those rows would only cost two statements per task.
     */
    static final class NoTaskGrants extends DefaultAuthorizationProvider {

        private static final AuthorizationEntity[] NONE = new AuthorizationEntity[0];

        @Override
        public AuthorizationEntity[] newTask(Task task) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
            return NONE;
        }
    }

    /** Refuses a new deployment with a resource outside {@link #ALLOWED_RESOURCE}; stored ones load as they are. */
    static final class ResourceWhitelist implements Deployer {

        @Override
        public void deploy(DeploymentEntity deployment) {
            if (!deployment.isNew() || deployment.getResources() == null) {
                return;
            }
            for (ResourceEntity resource : deployment.getResources().values()) {
                String name = resource.getName();
                if (name == null || name.contains("..") || !ALLOWED_RESOURCE.matcher(name).matches()) {
                    throw new ProcessEngineException("Deployment refused: resource '" + name + "' is not a BPMN or"
                            + " DMN model with a plain file name");
                }
            }
        }
    }
}
