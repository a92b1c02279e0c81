package io.clientspace.security;

import static io.clientspace.support.Actors.asManager;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.deal.Deal;
import io.clientspace.deal.DealDraft;
import io.clientspace.deal.DealService;
import io.clientspace.deal.process.DealStagesProcess;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Process owners get Cockpit, and only what Cockpit needs: they read every model and its running instances and retry
 * a failed job, signed in through the real Keycloak as {@code process} (the role process-owner and nothing else).
 * Admin and Tasklist are closed to them, the engine API under Cockpit refuses every change beyond a retry, and
 * tasks stay out of sight. Each refusal is sent with the webapps' CSRF token, and the retry with the same token
 * passes, so a refusal is the engine's grants or the app's rule, never a missing token (issue 12, item 6).
 */
@ClientspaceIntegrationTest
class ProcessOwnerCockpitIntegrationTests {

    static final String ENGINE = "/camunda/api/engine/engine/default";

    @LocalServerPort
    int port;
    @Autowired
    ClientService clients;
    @Autowired
    DealService deals;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;

    SignedInHttp owner;
    Map<String, String> csrf;
    Deal deal;
    String instance;

    String app() {
        return "http://localhost:" + port;
    }

    @BeforeEach
    void aProcessOwnerInCockpitAndARunningDeal() throws Exception {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        DealDraft d = new DealDraft();
        d.setTitle("Cockpit retainer");
        d.setAmount(new BigDecimal("1000"));
        d.setCurrency("EUR");
        d.setExpectedClose(LocalDate.now().plusDays(30));
        d.setOwner("manager");
        deal = asManager(() -> deals.create(client.id(), d));
        instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(deal.id().toString())
                .singleResult().getId();
        owner = SignedInHttp.signIn(app(), Roles.STAFF_REGISTRATION, "process", "process");
        HttpResponse<String> cockpit = owner.send("GET", app() + "/camunda/app/cockpit/default/");
        assertThat(cockpit.statusCode()).as("Cockpit opens for a process owner, not %s", SignedInHttp.location(cockpit))
                .isEqualTo(200);
        String token = owner.cookie(app() + "/camunda/", "XSRF-TOKEN").orElseThrow(() ->
                new AssertionError("Cockpit sets its CSRF cookie"));
        csrf = Map.of("X-XSRF-TOKEN", token);
    }

    @Test
    void cockpitKnowsTheProcessOwnerAndOffersOnlyCockpit() throws Exception {
        HttpResponse<String> me = owner.send("GET", app() + "/camunda/api/admin/auth/user/default", null, Map.of());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"userId\":\"process\"").contains("cockpit").doesNotContain("tasklist")
                .doesNotContain("\"admin\"");
        for (String closed : new String[] {"/camunda/app/admin/default/", "/camunda/app/tasklist/default/",
                "/camunda/api/admin/user/default/count", "/camunda/api/tasklist/plugin/tasklist-plugin/default"}) {
            assertThat(owner.send("GET", app() + closed).statusCode()).as(closed).isEqualTo(403);
        }
    }

    @Test
    void theProcessOwnerReadsModelsAndInstancesButNoTask() throws Exception {
        HttpResponse<String> definitions = owner.send("GET", app() + ENGINE + "/process-definition/count");
        assertThat(definitions.body()).doesNotContain("\"count\":0");
        HttpResponse<String> read = owner.send("GET", app() + ENGINE + "/process-instance/" + instance);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).contains(deal.id().toString());

        assertThat(tasks.createTaskQuery().processInstanceId(instance).count())
                .as("the deal's first stage is a task").isPositive();
        HttpResponse<String> taskCount = owner.send("GET", app() + ENGINE + "/task/count?processInstanceId="
                + instance);
        assertThat(taskCount.body()).as("tasks a process owner sees").contains("\"count\":0");
    }

    @Test
    void theProcessOwnerRetriesAJobAndChangesNothingElse() throws Exception {
        Job timer = management.createJobQuery().processInstanceId(instance).timers().list().get(0);
        HttpResponse<String> retry = owner.send("PUT", app() + ENGINE + "/job/" + timer.getId() + "/retries",
                "{\"retries\":2}", csrf);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(204);
        assertThat(management.createJobQuery().jobId(timer.getId()).singleResult().getRetries()).isEqualTo(2);

        Map<String, Object> variablesBefore = runtime.getVariables(instance);
        Map<String, String> refused = Map.of(
                "PUT " + ENGINE + "/process-instance/" + instance + "/variables/intruded",
                "{\"value\":\"x\",\"type\":\"String\"}",
                "PUT " + ENGINE + "/process-instance/" + instance + "/suspended",
                "{\"suspended\":true}",
                "DELETE " + ENGINE + "/process-instance/" + instance, "",
                "POST " + ENGINE + "/user/create", "{\"profile\":{\"id\":\"intruder\"},"
                        + "\"credentials\":{\"password\":\"Intruder-1234\"}}",
                "POST " + ENGINE + "/authorization/create", "{\"type\":1,\"permissions\":[\"ALL\"],"
                        + "\"userId\":\"process\",\"resourceType\":0,\"resourceId\":\"*\"}",
                "POST " + ENGINE + "/message", "{\"messageName\":\"" + DealStagesProcess.MSG_PROPOSAL_ACCEPTED + "\",\"businessKey\":\""
                        + deal.id() + "\"}");
        for (var call : refused.entrySet()) {
            String[] methodAndPath = call.getKey().split(" ", 2);
            HttpResponse<String> response = owner.send(methodAndPath[0], app() + methodAndPath[1],
                    call.getValue().isEmpty() ? null : call.getValue(), csrf);
            assertThat(response.statusCode()).as(call.getKey() + " " + response.body()).isEqualTo(403);
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).active()
                .count()).as("the deal's process still runs, unsuspended").isEqualTo(1);
        assertThat(identity.createUserQuery().userId("intruder").count()).as("users created").isZero();
        assertThat(runtime.getVariables(instance)).as("the deal's variables").isEqualTo(variablesBefore);
    }
}
