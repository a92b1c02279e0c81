package io.clientspace.modeling.web;

import io.clientspace.modeling.ModelDeployments;
import io.clientspace.modeling.ModelKind;
import io.clientspace.modeling.ModelRefusedException;
import io.clientspace.modeling.ModelerDeployment;
import io.clientspace.modeling.ModelerDeploymentSummary;
import io.clientspace.modeling.Problem;
import io.clientspace.modeling.StaleModelException;
import io.clientspace.shared.i18n.Translations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * What Camunda Modeler's Deploy dialog calls, and nothing else of the engine's REST API (issue 12, item 5):
 * {@code GET /engine-rest/deployment?maxResults=0} and {@code GET /engine-rest/version} to test the connection, and
 * {@code POST /engine-rest/deployment/create} to deploy. The security chain lets only a staff-realm access token of a
 * process owner through (ModelerApiSecurity); every other path under /engine-rest is refused there. A deploy goes
 * through {@link ModelDeployments#deployFromModeler}, so the same gate, stale check, diff and audit apply as in the
 * app. Answers follow Camunda's shapes, so the Modeler shows our messages: a refusal is 400 with the gate's problems
 * in {@code message}, in the language the Modeler asks for.
 */
@RestController
class ModelerDeployController {

    static final String BASE = "/engine-rest";
    private static final DateTimeFormatter CAMUNDA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    private final ModelDeployments models;

    ModelerDeployController(ModelDeployments models) {
        this.models = models;
    }

    @GetMapping(value = BASE + "/version", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> version() {
        return Map.of("version", models.engineVersion());
    }

    @GetMapping(value = BASE + "/deployment", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> deployments(@RequestParam(defaultValue = "0") int firstResult,
            @RequestParam(defaultValue = "100") int maxResults) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (ModelerDeploymentSummary d : models.deployments(firstResult, maxResults)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("links", List.of());
            row.put("id", d.id());
            row.put("name", d.name());
            row.put("source", d.source());
            row.put("deploymentTime", CAMUNDA_TIME.format(d.deploymentTime()));
            row.put("tenantId", null);
            result.add(row);
        }
        return result;
    }

    @PostMapping(value = BASE + "/deployment/create", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> create(MultipartHttpServletRequest request,
            @RequestParam(name = "deployment-name", required = false) String name,
            @RequestParam(name = "tenant-id", required = false) String tenantId) {
        Locale locale = Translations.supported(request.getLocale());
        if (tenantId != null && !tenantId.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, text("modeling.modeler.noTenants", locale));
        }
        List<MultipartFile> files = request.getMultiFileMap().values().stream().flatMap(List::stream).toList();
        List<MultipartFile> models = files.stream().filter(f -> ModelKind.of(f.getOriginalFilename()).isPresent())
                .toList();
        if (files.size() != 1 || models.size() != 1) {
            return error(HttpStatus.BAD_REQUEST, text("modeling.modeler.oneFile", locale, files.size()));
        }
        MultipartFile file = models.get(0);
        try {
            ModelerDeployment done = this.models.deployFromModeler(file.getOriginalFilename(), file.getBytes(), name);
            return ResponseEntity.ok(deployment(done, name));
        } catch (ModelRefusedException e) {
            return error(HttpStatus.BAD_REQUEST, problems(e.problems(), locale));
        } catch (StaleModelException e) {
            return error(HttpStatus.CONFLICT, text("modeling.model.stale", locale, e.latestVersion()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> deployment(ModelerDeployment done, String name) {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("id", done.definitionId());
        definition.put("key", done.key());
        definition.put("version", done.version());
        definition.put("deploymentId", done.deploymentId());
        definition.put("tenantId", null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("links", List.of());
        body.put("id", done.deploymentId());
        body.put("name", name);
        body.put("source", ModelDeployments.APP_SOURCE);
        body.put("tenantId", null);
        body.put("deployedProcessDefinitions", done.kind() == ModelKind.BPMN
                ? Map.of(done.definitionId(), definition) : null);
        body.put("deployedDecisionDefinitions", done.kind() == ModelKind.DMN
                ? Map.of(done.definitionId(), definition) : null);
        body.put("deployedCaseDefinitions", null);
        body.put("deployedDecisionRequirementsDefinitions", null);
        return body;
    }

    /** The gate's problems as one message, each with the element it is about, as the app's page lists them. */
    static String problems(List<Problem> problems, Locale locale) {
        StringBuilder message = new StringBuilder(text("modeling.problems.title", locale, problems.size()));
        for (Problem p : problems) {
            message.append("\n- ");
            if (p.elementId() != null) {
                message.append(p.elementName() == null ? p.elementId()
                        : text("modeling.problems.element", locale, p.elementName(), p.elementId())).append(' ');
            }
            message.append(p.text(locale));
        }
        return message.toString();
    }

    private static String text(String key, Locale locale, Object... args) {
        return Translations.find(key, locale, args).orElse(key);
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", status == HttpStatus.CONFLICT ? "OptimisticLockingException" : "InvalidRequestException");
        body.put("message", message);
        body.put("code", null);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
