package io.clientspace.people.process;

import io.clientspace.shared.FirmModule;
import io.clientspace.shared.ModuleOffException;
import io.clientspace.shared.Modules;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engine's side of switching a module off (DD034): a process of a module that is off starts no new instance,
 * whoever asks (a service, a message start event, the REST API); the start is refused with
 * {@link ModuleOffException} and rolls back. Instances already running are not touched: the listener sits on the
 * process's start only, so their tasks, timers and messages continue.
 */
@Component
class ModuleStartGuard extends AbstractProcessEnginePlugin {

    private static final Map<String, FirmModule> OWNER = new HashMap<>();

    static {
        for (FirmModule m : FirmModule.values()) {
            m.processes().forEach(p -> OWNER.put(p, m));
        }
    }

    private final ObjectProvider<Modules> modules;

    ModuleStartGuard(ObjectProvider<Modules> modules) {
        this.modules = modules;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new java.util.ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
                FirmModule module = OWNER.get(definition.getKey());
                if (module != null) {
                    definition.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> {
                        // only the instance's own start: a call activity's or subprocess's start is part of a
                        // running instance
                        if (execution.getParentId() == null && execution.getSuperExecution() == null) {
                            modules.getObject().requireOn(module);
                        }
                    });
                }
            }
        });
    }
}
