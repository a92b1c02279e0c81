package io.clientspace.modeling.process;

import io.clientspace.modeling.Problem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What a deployed model may make the application do. A model runs its expressions as the application, so an
 * expression that reaches any Spring bean reaches the database, the mail server and Keycloak. Allowed: expressions
 * over process variables, the engine's {@code execution}/{@code task} variable methods, and calls to the delegate
 * beans and helpers the shipped models use ({@link #ALLOWED_BEANS}). Refused, each named with its element: script
 * tasks and scripts, {@code camunda:class}, connectors, external task topics (no worker serves one), delegate
 * expressions naming an unknown bean, expressions naming any other bean, and members that lead out of the model
 * (getClass, class loaders, the engine's services).
 */
public final class ExpressionSafety {

    static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    static final String CAMUNDA_NS_OLD = "http://activiti.org/bpmn";

    /**
     * The beans the shipped models call, by their bean names: delegates, listeners and one helper. A bean not named
     * here cannot be reached from a deployed model; adding one is a code change reviewed like any other.
     */
    public static final Set<String> ALLOWED_BEANS = Set.of(
            // delegates and listeners
            "dealStageListener", "dealClosedListener", "dealStalledListener", "winDealByProposal",
            "workTaskListener", "accessReviewTaskListener", "openAccessReview", "escalateAccessReview",
            "revokeReviewedAccess", "proposalApprovalTaskListener", "requestProposalApproval", "sendProposal",
            "markProposalExpired", "planProjectSetup", "sendInvitationMail", "provisionCustomerIdentity",
            "markInvitationActive", "markInvitationExpired", "remindOfAcceptance", "markAcceptanceExpired",
            "remindCustomer", "checkRequestProgress", "completeRequest", "applyClientRequestTriage",
            "escalateClientRequest", "autoCloseClientRequest", "accessRequestTaskListener", "clientRequestTaskListener",
            // helpers used in expressions
            "acceptanceTimes");

    /** What the engine puts into every expression besides variables and beans. */
    static final Set<String> CONTEXT = Set.of("execution", "task", "authenticatedUserId");

    /** The variable methods of execution and task; everything else on them (services, the engine) is refused. */
    static final Set<String> CONTEXT_MEMBERS = Set.of("getVariable", "setVariable", "hasVariable",
            "getVariableLocal", "setVariableLocal", "hasVariableLocal", "removeVariable", "removeVariableLocal",
            "getVariableTyped", "getBusinessKey", "getProcessBusinessKey", "businessKey", "processBusinessKey",
            "getId", "id", "getName", "name", "getEventName", "eventName", "getAssignee", "assignee",
            "getCurrentActivityId", "currentActivityId", "getProcessInstanceId", "processInstanceId",
            "getDueDate", "dueDate", "getPriority", "priority", "getTaskDefinitionKey", "taskDefinitionKey");

    /** Members that lead from a value to the JVM or the engine, on whatever they are called. */
    static final Set<String> FORBIDDEN_MEMBERS = Set.of("getClass", "class", "forName", "getClassLoader",
            "classLoader", "newInstance", "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredField",
            "getField", "invoke", "getRuntime", "exec", "getProcessEngineServices", "processEngineServices",
            "getProcessEngine", "processEngine", "getProcessDefinition", "getBpmnModelInstance",
            "bpmnModelInstance", "getBpmnModelElementInstance", "getExecution", "getProcessInstance",
            "processInstance", "getSuperExecution", "superExecution", "getRuntimeService", "getTaskService",
            "getRepositoryService", "getIdentityService", "getManagementService", "getAuthorizationService");

    /** Functions the engine offers in expressions. */
    static final Set<String> FUNCTIONS = Set.of("now", "dateTime");

    static final Set<String> KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "true",
            "false", "null", "empty", "div", "mod", "instanceof");

    static final Pattern TOKEN = Pattern.compile("[A-Za-z_$][\\w$]*|\\.|\\(|\\[|:|\\S");

    private final Predicate<String> isBean;

    /** @param isBean whether a name is a bean of the running application (so an expression would reach it) */
    public ExpressionSafety(Predicate<String> isBean) {
        this.isBean = isBean;
    }

    /** Every refusal in the model's XML, in document order. */
    public List<Problem> check(Element root) {
        List<Problem> problems = new ArrayList<>();
        walk(root, null, null, problems);
        return problems;
    }

    private void walk(Element element, String ownerId, String ownerName, List<Problem> problems) {
        String id = element.hasAttribute("id") ? element.getAttribute("id") : ownerId;
        String name = element.hasAttribute("id") ? blankToNull(element.getAttribute("name")) : ownerName;
        String local = element.getLocalName();
        String ns = element.getNamespaceURI();
        boolean camunda = CAMUNDA_NS.equals(ns) || CAMUNDA_NS_OLD.equals(ns);
        if ("scriptTask".equals(local) || (camunda && "script".equals(local))) {
            problems.add(Problem.of(id, name, "modeling.safety.script"));
        }
        if (camunda && "connector".equals(local)) {
            problems.add(Problem.of(id, name, "modeling.safety.connector"));
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attr = (Attr) attributes.item(i);
            boolean camundaAttr = CAMUNDA_NS.equals(attr.getNamespaceURI())
                    || CAMUNDA_NS_OLD.equals(attr.getNamespaceURI());
            String attrName = attr.getLocalName() == null ? attr.getName() : attr.getLocalName();
            if (camundaAttr && "class".equals(attrName)) {
                problems.add(Problem.of(id, name, "modeling.safety.javaClass", attr.getValue()));
            } else if (camundaAttr && "type".equals(attrName) && "external".equals(attr.getValue())) {
                problems.add(Problem.of(id, name, "modeling.safety.externalTopic",
                        element.getAttributeNS(attr.getNamespaceURI(), "topic")));
            } else if (camundaAttr && "delegateExpression".equals(attrName)) {
                delegate(attr.getValue(), id, name, problems);
            } else if (camundaAttr && "resource".equals(attrName) && "scriptTask".equals(local)) {
                // named by the script task already
            } else {
                expressions(attr.getValue(), id, name, problems);
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                walk(e, id, name, problems);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                expressions(child.getNodeValue(), id, name, problems);
            }
        }
    }

    private void delegate(String value, String id, String name, List<Problem> problems) {
        String bean = value == null ? "" : value.strip();
        Matcher m = Pattern.compile("^[$#]\\{\\s*([A-Za-z_$][\\w$]*)\\s*}$").matcher(bean);
        if (!m.matches()) {
            expressions(value, id, name, problems);
            return;
        }
        String beanName = m.group(1);
        if (!ALLOWED_BEANS.contains(beanName)) {
            problems.add(Problem.of(id, name, isBean.test(beanName) ? "modeling.safety.otherBean"
                    : "modeling.safety.unknownBean", beanName));
        }
    }

    private void expressions(String text, String id, String name, List<Problem> problems) {
        if (text == null || (!text.contains("${") && !text.contains("#{"))) {
            return;
        }
        Set<String> found = new LinkedHashSet<>();
        for (String body : bodies(text)) {
            refusals(body, found);
        }
        for (String refusal : found) {
            String[] parts = refusal.split("\\|", 2);
            problems.add(Problem.of(id, name, parts[0], parts[1]));
        }
    }

    /** The insides of each ${...} and #{...}, braces within string literals included. */
    static List<String> bodies(String text) {
        List<String> bodies = new ArrayList<>();
        int i = 0;
        while (i < text.length() - 1) {
            char c = text.charAt(i);
            if ((c == '$' || c == '#') && text.charAt(i + 1) == '{') {
                int depth = 1;
                int j = i + 2;
                char quote = 0;
                while (j < text.length() && depth > 0) {
                    char d = text.charAt(j);
                    if (quote != 0) {
                        if (d == '\\') {
                            j++;
                        } else if (d == quote) {
                            quote = 0;
                        }
                    } else if (d == '\'' || d == '"') {
                        quote = d;
                    } else if (d == '{') {
                        depth++;
                    } else if (d == '}') {
                        depth--;
                    }
                    j++;
                }
                bodies.add(text.substring(i + 2, depth == 0 ? j - 1 : j));
                i = j;
            } else {
                i++;
            }
        }
        return bodies;
    }

    private void refusals(String body, Set<String> found) {
        String code = stripStrings(body);
        Matcher m = TOKEN.matcher(code);
        List<String> tokens = new ArrayList<>();
        while (m.find()) {
            tokens.add(m.group());
        }
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (!Character.isJavaIdentifierStart(token.charAt(0))) {
                continue;
            }
            boolean member = i > 0 && tokens.get(i - 1).equals(".");
            String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
            if (member) {
                String root = rootOf(tokens, i);
                if (FORBIDDEN_MEMBERS.contains(token)) {
                    found.add("modeling.safety.forbiddenMember|" + root + "." + token);
                } else if (CONTEXT.contains(root) && tokens.get(i - 2).equals(root)
                        && !CONTEXT_MEMBERS.contains(token)) {
                    found.add("modeling.safety.forbiddenMember|" + root + "." + token);
                }
                continue;
            }
            if (KEYWORDS.contains(token) || CONTEXT.contains(token) || ALLOWED_BEANS.contains(token)) {
                continue;
            }
            if (next.equals(":")) {
                found.add("modeling.safety.forbiddenMember|" + token + ":");
            } else if (next.equals("(")) {
                if (!FUNCTIONS.contains(token)) {
                    found.add("modeling.safety.forbiddenMember|" + token + "()");
                }
            } else if (isBean.test(token)) {
                found.add("modeling.safety.otherBean|" + token);
            }
        }
        // a bracketed member ('class', "getClass") is as good as a dotted one
        Matcher bracket = Pattern.compile("\\[\\s*['\"]([^'\"]+)['\"]\\s*]").matcher(body);
        while (bracket.find()) {
            if (FORBIDDEN_MEMBERS.contains(bracket.group(1))) {
                found.add("modeling.safety.forbiddenMember|[" + bracket.group(1) + "]");
            }
        }
    }

    /** The identifier a member chain starts with: walks back over ".name" pairs and call brackets. */
    private static String rootOf(List<String> tokens, int memberIndex) {
        int i = memberIndex - 1;
        while (i > 0 && tokens.get(i).equals(".")) {
            String before = tokens.get(i - 1);
            if (before.equals(")") || before.equals("]")) {
                int depth = 0;
                int j = i - 1;
                for (; j >= 0; j--) {
                    String t = tokens.get(j);
                    if (t.equals(")") || t.equals("]")) {
                        depth++;
                    } else if (t.equals("(") || t.equals("[")) {
                        depth--;
                        if (depth == 0) {
                            break;
                        }
                    }
                }
                i = j - 1;
                if (i < 0) {
                    return "?";
                }
                if (i - 1 >= 0 && tokens.get(i - 1).equals(".")) {
                    i = i - 1;
                    continue;
                }
                return tokens.get(i);
            }
            if (i - 2 >= 0 && tokens.get(i - 2).equals(".")) {
                i = i - 2;
                continue;
            }
            return before;
        }
        return tokens.get(Math.max(0, i));
    }

    /** Replaces string literals by empty ones, so that their words are not read as names. */
    static String stripStrings(String body) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                    out.append(c);
                }
            } else {
                if (c == '\'' || c == '"') {
                    quote = c;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
