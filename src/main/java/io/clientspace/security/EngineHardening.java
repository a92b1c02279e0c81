package io.clientspace.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
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
            boolean granted = authorizations.createAuthorizationQuery()
                    .groupIdIn(CamundaSingleSignOn.CAMUNDA_ADMIN_GROUP).resourceType(resource)
                    .resourceId(Authorization.ANY).count() > 0;
            if (granted) {
                continue;
            }
            Authorization all = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            all.setGroupId(CamundaSingleSignOn.CAMUNDA_ADMIN_GROUP);
            all.setResource(resource);
            all.setResourceId(Authorization.ANY);
            all.addPermission(Permissions.ALL);
            try {
                authorizations.saveAuthorization(all);
            } catch (ProcessEngineException e) {
                // another node granted it at the same moment
                LOG.debug("Admin grant on {} not saved: {}", resource, e.getMessage());
            }
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
