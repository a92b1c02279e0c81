package io.clientspace.modeling.process;

import io.clientspace.modeling.Problem;
import io.clientspace.shared.IsoDurations;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Timers the engine can schedule: literal durations, dates and cycles must be ISO-8601 (a cycle may also be cron),
 * and every default a start event sets for a variable a timer waits on (stallAfter, remindEvery, ...) must be a
 * positive ISO-8601 duration. Expressions are the safety check's business.
 */
public final class TimerCheck {

    static final Pattern DURATION = Pattern.compile(
            "P(?=\\d|T\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?");
    static final Pattern DEFAULT = Pattern.compile(
            "setVariable\\(\\s*['\"]([\\w]+)['\"]\\s*,\\s*['\"]([^'\"]*)['\"]\\s*\\)");
    static final Pattern CYCLE = Pattern.compile("R(\\d*)(/[^/]+)?/(P[^/]+)");

    private TimerCheck() {
    }

    /** A value a start event gives a variable that one of the model's timers waits on. */
    public record TimerDefault(String startEventId, String startEventName, String variable, String value) {
    }

    /** Whether {@code text} is an ISO-8601 duration the engine and {@link IsoDurations} read, longer than zero. */
    public static boolean isDuration(String text) {
        if (text == null || !DURATION.matcher(text.strip()).matches()) {
            return false;
        }
        try {
            String iso = text.strip();
            Duration d = iso.contains("W") ? Duration.ofDays(7L * Long.parseLong(iso.replaceAll("\\D", "")))
                    : IsoDurations.parse(iso);
            return !d.isNegative() && !d.isZero();
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static List<Problem> check(BpmnModelInstance model) {
        List<Problem> problems = new ArrayList<>();
        for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            BaseElement event = (BaseElement) timer.getParentElement();
            literal(timer.getTimeDuration(), event, problems, "modeling.timer.badDuration",
                    TimerCheck::isDuration);
            literal(timer.getTimeDate(), event, problems, "modeling.timer.badDate", TimerCheck::isDate);
            literal(timer.getTimeCycle(), event, problems, "modeling.timer.badCycle", TimerCheck::isCycle);
        }
        for (TimerDefault d : defaults(model)) {
            if (!isDuration(d.value())) {
                problems.add(Problem.of(d.startEventId(), d.startEventName(), "modeling.timer.badDefault",
                        d.variable(), d.value()));
            }
        }
        return problems;
    }

    /** The defaults the model's start events set for variables its timers wait on, in document order. */
    public static List<TimerDefault> defaults(BpmnModelInstance model) {
        List<String> timerTexts = model.getModelElementsByType(TimerEventDefinition.class).stream()
                .flatMap(t -> java.util.stream.Stream.of(t.getTimeDuration(), t.getTimeDate(), t.getTimeCycle()))
                .filter(Objects::nonNull).map(ModelElementInstance::getTextContent).filter(Objects::nonNull)
                .toList();
        List<TimerDefault> defaults = new ArrayList<>();
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (start.getExtensionElements() == null) {
                continue;
            }
            for (CamundaExecutionListener listener : start.getExtensionElements().getElementsQuery()
                    .filterByType(CamundaExecutionListener.class).list()) {
                String expression = listener.getCamundaExpression();
                if (expression == null) {
                    continue;
                }
                Matcher m = DEFAULT.matcher(expression);
                while (m.find()) {
                    String variable = m.group(1);
                    Pattern named = Pattern.compile("\\b" + Pattern.quote(variable) + "\\b");
                    if (timerTexts.stream().anyMatch(t -> t.contains("{") && named.matcher(t).find())) {
                        defaults.add(new TimerDefault(start.getId(), start.getName(), variable, m.group(2)));
                    }
                }
            }
        }
        return defaults;
    }

    private static void literal(ModelElementInstance expression, BaseElement event, List<Problem> problems,
            String key, java.util.function.Predicate<String> valid) {
        if (expression == null) {
            return;
        }
        String text = expression.getTextContent() == null ? "" : expression.getTextContent().strip();
        if (text.contains("${") || text.contains("#{")) {
            return;
        }
        if (!valid.test(text)) {
            problems.add(Problem.of(event.getId(), event.getAttributeValue("name"), key, text));
        }
    }

    static boolean isDate(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            try {
                LocalDateTime.parse(text);
                return true;
            } catch (DateTimeParseException e2) {
                return false;
            }
        }
    }

    static boolean isCycle(String text) {
        Matcher m = CYCLE.matcher(text);
        if (m.matches()) {
            return isDuration(m.group(3));
        }
        String[] fields = text.split("\\s+");
        return fields.length >= 6 && fields.length <= 7;
    }
}
