package io.clientspace.modeling.process;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;

/** Writes new timer defaults into the start events' listeners, leaving everything else of the model as it was. */
public final class TimerSettings {

    private TimerSettings() {
    }

    /** Sets each variable's default in every start event that sets it; returns how many listeners changed. */
    public static int apply(BpmnModelInstance model, Map<String, String> values) {
        int changed = 0;
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
                String updated = expression;
                for (Map.Entry<String, String> value : values.entrySet()) {
                    Pattern p = Pattern.compile("(setVariable\\(\\s*['\"]" + Pattern.quote(value.getKey())
                            + "['\"]\\s*,\\s*['\"])([^'\"]*)(['\"]\\s*\\))");
                    Matcher m = p.matcher(updated);
                    updated = m.replaceAll(mr -> Matcher.quoteReplacement(mr.group(1) + value.getValue()
                            + mr.group(3)));
                }
                if (!updated.equals(expression)) {
                    listener.setCamundaExpression(updated);
                    changed++;
                }
            }
        }
        return changed;
    }
}
