package io.clientspace.modeling;

import io.clientspace.modeling.process.BpmnLint;
import io.clientspace.modeling.process.DmnCheck;
import io.clientspace.modeling.process.ExpressionSafety;
import io.clientspace.modeling.process.ProcessContracts;
import io.clientspace.modeling.process.TimerCheck;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Service;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The gate every model passes before it is deployed, from the app, an upload or Camunda Modeler, with the same
 * checks as the build: the code's contract ({@link ProcessContracts}, which ProcessModelContractTests runs on
 * processes/), bpmnlint's structural rules, the expression safety check, ISO-8601 timers and, for DMN, a table the
 * engine parses with the inputs and outputs the code uses. An empty list means the model may be deployed.
 */
@Service
public class ModelGate {

    static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    private final Predicate<String> isBean;

    @org.springframework.beans.factory.annotation.Autowired
    ModelGate(ApplicationContext context) {
        this(context::containsBean);
    }

    private ModelGate(Predicate<String> isBean) {
        this.isBean = isBean;
    }

    /** A gate outside the application, for the build's tests: {@code isBean} says which names are beans. */
    public static ModelGate outsideTheApp(Predicate<String> isBean) {
        return new ModelGate(isBean);
    }

    /**
     * Every problem that keeps this file from being deployed; empty when it may be.
     *
     * @param fileName the file's name; its extension says BPMN or DMN and its base name must be the process or
     *                 decision id (one model per file, as in processes/)
     * @param bytes    the file's content, never null
     */
    public List<Problem> check(String fileName, byte[] bytes) {
        return inspect(fileName, bytes).problems();
    }

    /** What the gate read from a file: its kind, key (process or decision id), name, and its problems. */
    record Inspection(ModelKind kind, String key, String name, List<Problem> problems) {
        boolean passes() {
            return problems.isEmpty();
        }
    }

    Inspection inspect(String fileName, byte[] bytes) {
        String baseName = fileName == null ? "" : fileName.replaceAll("^.*[/\\\\]", "");
        ModelKind kind = ModelKind.of(baseName).orElse(null);
        if (kind == null) {
            return new Inspection(null, null, null, List.of(Problem.of(null, null, "modeling.problem.fileType",
                    baseName)));
        }
        String key = baseName.substring(0, baseName.length() - kind.extension().length());
        Element root;
        try {
            root = parse(bytes).getDocumentElement();
        } catch (Exception e) {
            return new Inspection(kind, key, null, List.of(Problem.of(null, null, "modeling.problem.notXml",
                    DmnCheckMessages.of(e))));
        }
        String ns = root.getNamespaceURI() == null ? "" : root.getNamespaceURI();
        boolean bpmn = "definitions".equals(root.getLocalName()) && BPMN_NS.equals(ns);
        boolean dmn = "definitions".equals(root.getLocalName()) && ns.matches("https?://www\\.omg\\.org/spec/DMN/.*");
        if (kind == ModelKind.BPMN && !bpmn || kind == ModelKind.DMN && !dmn) {
            return new Inspection(kind, key, null, List.of(Problem.of(null, null, "modeling.problem.notModel",
                    baseName, kind.name())));
        }
        List<Problem> problems = new ArrayList<>();
        problems.addAll(new ExpressionSafety(isBean).check(root));
        if (kind == ModelKind.BPMN) {
            BpmnModelInstance model;
            try {
                model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
            } catch (RuntimeException e) {
                problems.add(0, Problem.of(null, null, "modeling.problem.unreadable", kind.name(),
                        DmnCheckMessages.of(e)));
                return new Inspection(kind, key, null, problems);
            }
            for (ProcessContracts.Breach breach : ProcessContracts.breaches(baseName, model)) {
                problems.add(new Problem(breach.elementId(), nameOf(model, breach.elementId()), breach.key(),
                        breach.args()));
            }
            problems.addAll(BpmnLint.check(model));
            problems.addAll(TimerCheck.check(model));
            ModelElementInstance process = model.getModelElementById(key);
            String name = process == null ? null : process.getAttributeValue("name");
            return new Inspection(kind, key, name == null || name.isBlank() ? key : name, List.copyOf(problems));
        }
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
        } catch (RuntimeException e) {
            problems.add(0, Problem.of(null, null, "modeling.problem.unreadable", kind.name(),
                    DmnCheckMessages.of(e)));
            return new Inspection(kind, key, null, problems);
        }
        problems.addAll(DmnCheck.check(key, model, bytes));
        ModelElementInstance decision = model.getModelElementById(key);
        String name = decision == null ? null : decision.getAttributeValue("name");
        return new Inspection(kind, key, name == null || name.isBlank() ? key : name, List.copyOf(problems));
    }

    private static String nameOf(BpmnModelInstance model, String elementId) {
        if (elementId == null) {
            return null;
        }
        ModelElementInstance element = model.getModelElementById(elementId);
        String name = element instanceof BaseElement b ? b.getAttributeValue("name") : null;
        return name == null || name.isBlank() ? null : name.strip();
    }

    /** A namespace-aware parser that refuses DTDs and external entities: uploads are untrusted XML. */
    static Document parse(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(bytes));
    }

    /** The innermost message of a parse failure, which names the line or element. */
    static final class DmnCheckMessages {
        static String of(Throwable e) {
            Throwable t = e;
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            return m.length() > 300 ? m.substring(0, 300) + "…" : m;
        }
    }
}
