package io.clientspace.modeling.process;

import io.clientspace.acceptance.process.DocumentAcceptanceProcess;
import io.clientspace.deal.DealStage;
import io.clientspace.deal.process.DealStagesProcess;
import io.clientspace.extranet.process.AccessReviewProcess;
import io.clientspace.people.process.AccessRequestProcess;
import io.clientspace.extranet.process.ExtranetInvitationProcess;
import io.clientspace.inforequest.process.InformationRequestProcess;
import io.clientspace.proposal.process.ProposalApprovalProcess;
import io.clientspace.request.process.ClientRequestProcess;
import io.clientspace.modeling.Problem;
import io.clientspace.shared.i18n.Translations;
import io.clientspace.task.process.AdHocTaskProcess;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ComplexGateway;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ManualTask;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.bpmn.instance.di.DiagramElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * What the Java code relies on in each model it knows, by process id: the ids, message names, variables, delegates
 * and paths of its {@code *Process} constants class, plus the generic checks every model needs to open cleanly in
 * Camunda Modeler (file name = process id, executable, history time to live, layout). One implementation for the
 * build (ProcessModelContractTests reads processes/ with it) and the deploy gate (ModelGate), so they cannot drift.
 * <p>
 * Messages are sentences that name the element and say what to put back, as message keys with arguments
 * ({@code modeling.contract.*}), so that the gate lists them in the reader's language; the build reads them in
 * English ({@link Breach#message()}). Each comes with the id of the element it is about, so that the gate can show
 * it next to the element's name.
 */
public final class ProcessContracts {

    private ProcessContracts() {
    }

    /**
     * One broken promise: the element it is about (may be null for the whole model) and the sentence, as a message
     * key ({@code modeling.contract.*} in translations*.properties) with its arguments, so that the gate shows it in
     * the reader's language. An argument that is a word ({@link Problem#isWord}: an element kind, "(none)") is
     * translated too.
     *
     * @param elementId the element's id, or null when the breach is about the whole model
     * @param key       the message key, never null
     * @param args      the message's arguments, never null
     */
    public record Breach(String elementId, String key, List<String> args) {

        public Breach {
            Objects.requireNonNull(key, "key");
            args = List.copyOf(args);
        }

        /** The sentence in English, as the build reports it and the logs show it. */
        public String message() {
            return message(Locale.ENGLISH);
        }

        /** The sentence in {@code locale} (English when the language is not supported). */
        public String message(Locale locale) {
            return Translations.find(key, locale, Problem.argsIn(args, locale)).orElse(key + args);
        }
    }

    /** The contract of each process the code knows, by process id. A model with another id gets the generic checks. */
    static final Map<String, BiConsumer<BpmnModelInstance, Problems>> CONTRACTS = Map.of(

            DealStagesProcess.PROCESS_ID, ProcessContracts::dealStagesContract,
            AdHocTaskProcess.PROCESS_ID, ProcessContracts::adHocTaskContract,
            ExtranetInvitationProcess.PROCESS_ID, ProcessContracts::extranetInvitationContract,
            ProposalApprovalProcess.PROCESS_ID, ProcessContracts::proposalApprovalContract,
            DocumentAcceptanceProcess.PROCESS_ID, ProcessContracts::documentAcceptanceContract,
            InformationRequestProcess.PROCESS_ID, ProcessContracts::informationRequestContract,
            AccessReviewProcess.PROCESS_ID, ProcessContracts::accessReviewContract,
            AccessRequestProcess.PROCESS_ID, ProcessContracts::accessRequestContract);

    /** The process ids whose contract the code enforces. */
    public static Set<String> processIds() {
        Set<String> ids = new java.util.TreeSet<>(CONTRACTS.keySet());
        ids.add(ClientRequestProcess.PROCESS_ID);
        return ids;
    }

    /** The sentences only, each prefixed with the file name, as the build reports them. */
    public static List<String> check(String fileName, BpmnModelInstance model) {
        return breaches(fileName, model).stream().map(b -> fileName + ": " + b.message()).toList();
    }

    // ------------------------------------------------------------------------------------------------ the checks

    static final String DEAL_STAGES_FILE = DealStagesProcess.PROCESS_ID + ".bpmn";

    /** Every breach of the generic checks and of the contract of the model's process, in a stable order. */
    public static List<Breach> breaches(String fileName, BpmnModelInstance model) {
        Problems p = new Problems(fileName);
        String processId = fileName.substring(0, fileName.length() - ".bpmn".length());
        Process process = model.getModelElementById(processId) instanceof Process found ? found : null;
        if (process == null) {
            p.add("modeling.contract.fileName",
                    processId, model.getModelElementsByType(Process.class).stream().map(Process::getId)
                            .collect(Collectors.joining(", ")));
        } else {
            if (!process.isExecutable()) {
                p.add("modeling.contract.notExecutable", processId);
            }
            String ttl = process.getCamundaHistoryTimeToLiveString();
            if (ttl == null || ttl.isBlank()) {
                p.add("modeling.contract.noHistoryTimeToLive", processId);
            }
        }
        checkLayout(model, p);
        if (process != null && CONTRACTS.containsKey(processId)) {
            CONTRACTS.get(processId).accept(model, p);
        }
        if (process != null && ClientRequestProcess.PROCESS_ID.equals(processId)) {
            ClientRequestContract.check(model).forEach(b -> p.list.add(b));
        }
        return p.list;
    }

    /** Camunda Modeler shows an element only if the diagram has a shape (nodes) or an edge (flows) for it. */
    static void checkLayout(BpmnModelInstance model, Problems p) {
        if (model.getModelElementsByType(BpmnDiagram.class).isEmpty()) {
            p.add("modeling.contract.noDiagram");
            return;
        }
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            DiagramElement di = node.getDiagramElement();
            if (!(di instanceof BpmnShape shape)) {
                p.add("modeling.contract.noShape", kind(node), node.getId());
            } else if (shape.getBounds() == null) {
                p.add("modeling.contract.noBounds", kind(node), node.getId());
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            DiagramElement di = flow.getDiagramElement();
            if (!(di instanceof BpmnEdge edge)) {
                p.add("modeling.contract.flowNoEdge", flow.getId());
            } else if (edge.getWaypoints().size() < 2) {
                p.add("modeling.contract.flowNoWaypoints", flow.getId());
            }
        }
    }

    /** What DealService, DealStageListener and DealClosedListener rely on, all taken from their constants. */
    /** WorkTaskService starts ad-hoc-task with these variables and WorkTaskListener mirrors DoTask. */
    static void adHocTaskContract(BpmnModelInstance model, Problems p) {
        UserTask task = element(model, AdHocTaskProcess.TASK, UserTask.class);
        if (task == null) {
            p.add("modeling.contract.missing.userTask", AdHocTaskProcess.TASK);
            return;
        }
        String assignee = expr(AdHocTaskProcess.VAR_ASSIGNEE);
        if (!assignee.equals(task.getCamundaAssignee())) {
            p.add("modeling.contract.assignee", task.getId(), assignee,
                    none(task.getCamundaAssignee()));
        }
        String due = expr(AdHocTaskProcess.VAR_DUE);
        if (!due.equals(task.getCamundaDueDate())) {
            p.add("modeling.contract.dueDate", task.getId(), due,
                    none(task.getCamundaDueDate()));
        }
        // WorkTaskService.cancel correlates TaskCancelled: the task must catch it and the process end there
        EndEvent cancelled = element(model, AdHocTaskProcess.END_CANCELLED, EndEvent.class);
        boolean catchesCancel = model.getModelElementsByType(BoundaryEvent.class).stream()
                .filter(b -> b.getAttachedTo() == task && b.cancelActivity())
                .filter(b -> AdHocTaskProcess.MSG_CANCELLED.equals(messageName(b)))
                .anyMatch(b -> cancelled != null && leadsTo(b, f -> true, cancelled));
        if (!catchesCancel) {
            p.add("modeling.contract.taskCancel", task.getId(), AdHocTaskProcess.MSG_CANCELLED,
                    AdHocTaskProcess.END_CANCELLED);
        }
        String listener = expr(AdHocTaskProcess.LISTENER);
        for (String event : List.of("create", "assignment", "complete", "delete")) {
            if (taskListeners(task).stream().noneMatch(l -> event.equals(l.getCamundaEvent())
                    && listener.equals(l.getCamundaDelegateExpression()))) {
                p.add("modeling.contract.taskListener", task.getId(), event, listener);
            }
        }
    }

    /**
     * AcceptanceService starts document-acceptance (business key = acceptance id, variables acceptanceId and
     * expiresAt) and correlates DocumentAccepted to the receive task; the expiry timer fires at ${expiresAt}; the
     * reminder and expiry call their delegates.
     */
    static void documentAcceptanceContract(BpmnModelInstance model, Problems p) {
        StartEvent start = element(model, DocumentAcceptanceProcess.START, StartEvent.class);
        if (start == null) {
            p.add("modeling.contract.missing.startEvent", DocumentAcceptanceProcess.START);
        } else if (executionListeners(start).stream().noneMatch(l -> l.getCamundaExpression() != null
                && l.getCamundaExpression().contains("'" + DocumentAcceptanceProcess.VAR_REMIND_BEFORE + "'"))) {
            p.add("modeling.contract.start.remindBefore", start.getId(),
                    DocumentAcceptanceProcess.VAR_REMIND_BEFORE);
        }
        ReceiveTask await = element(model, DocumentAcceptanceProcess.AWAIT_ACCEPTANCE, ReceiveTask.class);
        if (await == null) {
            p.add("modeling.contract.missing.receiveTask", DocumentAcceptanceProcess.AWAIT_ACCEPTANCE);
        } else if (await.getMessage() == null
                || !DocumentAcceptanceProcess.MSG_ACCEPTED.equals(await.getMessage().getName())) {
            p.add("modeling.contract.receiveMessage", await.getId(), DocumentAcceptanceProcess.MSG_ACCEPTED);
        }
        Map<String, String> delegates = new LinkedHashMap<>();
        delegates.put(DocumentAcceptanceProcess.SEND_REMINDER, DocumentAcceptanceProcess.REMIND_DELEGATE);
        delegates.put(DocumentAcceptanceProcess.MARK_EXPIRED, DocumentAcceptanceProcess.MARK_EXPIRED_DELEGATE);
        requireDelegates(model, p, delegates);
        Map<String, Boolean> timers = new LinkedHashMap<>();
        timers.put(DocumentAcceptanceProcess.EXPIRED_TIMER, true);
        timers.put(DocumentAcceptanceProcess.REMINDER_TIMER, false);
        timers.forEach((id, interrupting) -> {
            BoundaryEvent timer = element(model, id, BoundaryEvent.class);
            if (timer == null) {
                p.add("modeling.contract.missing.boundaryTimer", id);
                return;
            }
            if (await != null && timer.getAttachedTo() != await) {
                p.add("modeling.contract.boundaryTimer.on", id, DocumentAcceptanceProcess.AWAIT_ACCEPTANCE);
            }
            if (timer.cancelActivity() != interrupting) {
                p.add(interrupting ? "modeling.contract.boundaryTimer.interrupting"
                        : "modeling.contract.boundaryTimer.nonInterrupting", id);
            }
        });
        BoundaryEvent withdrawn = element(model, DocumentAcceptanceProcess.WITHDRAWN_EVENT, BoundaryEvent.class);
        if (withdrawn == null) {
            p.add("modeling.contract.withdrawn.missing",
                    DocumentAcceptanceProcess.WITHDRAWN_EVENT);
        } else {
            if (await != null && withdrawn.getAttachedTo() != await || !withdrawn.cancelActivity()) {
                p.add("modeling.contract.withdrawn.on", withdrawn.getId(),
                        DocumentAcceptanceProcess.AWAIT_ACCEPTANCE);
            }
            if (!DocumentAcceptanceProcess.MSG_WITHDRAWN.equals(messageName(withdrawn))) {
                p.add("modeling.contract.boundaryMessage", withdrawn.getId(),
                        DocumentAcceptanceProcess.MSG_WITHDRAWN, none(messageName(withdrawn)));
            }
            requirePath(model, p, DocumentAcceptanceProcess.WITHDRAWN_EVENT, DocumentAcceptanceProcess.END_WITHDRAWN);
        }
        BoundaryEvent expiry = element(model, DocumentAcceptanceProcess.EXPIRED_TIMER, BoundaryEvent.class);
        if (expiry != null) {
            String date = expiry.getEventDefinitions().stream().filter(TimerEventDefinition.class::isInstance)
                    .map(d -> ((TimerEventDefinition) d).getTimeDate()).filter(Objects::nonNull)
                    .map(ModelElementInstance::getTextContent).findFirst().orElse(null);
            String expected = expr(DocumentAcceptanceProcess.VAR_EXPIRES_AT);
            if (!expected.equals(date == null ? null : date.trim())) {
                p.add("modeling.contract.deadline",
                        expiry.getId(), expected, none(date));
            }
        }
    }

    /**
     * InformationRequestService starts information-request (business key = request id) and correlates its three
     * messages by name; the three service tasks call its delegates; the reminder waits for ${remindEvery} while items
     * wait on the customer; cancelling interrupts the sub-process wherever it waits.
     */
    static void informationRequestContract(BpmnModelInstance model, Problems p) {
        StartEvent start = element(model, InformationRequestProcess.START, StartEvent.class);
        if (start == null) {
            p.add("modeling.contract.missing.startEvent", InformationRequestProcess.START);
        } else if (executionListeners(start).stream().noneMatch(l -> l.getCamundaExpression() != null
                && l.getCamundaExpression().contains("'" + InformationRequestProcess.VAR_REMIND_EVERY + "'"))) {
            p.add("modeling.contract.start.remindEvery", start.getId(),
                    InformationRequestProcess.VAR_REMIND_EVERY);
        }
        Map<String, String> delegates = new LinkedHashMap<>();
        delegates.put(InformationRequestProcess.CHECK_PROGRESS, InformationRequestProcess.CHECK_DELEGATE);
        delegates.put(InformationRequestProcess.REMIND_CUSTOMER, InformationRequestProcess.REMIND_DELEGATE);
        delegates.put(InformationRequestProcess.COMPLETE_REQUEST, InformationRequestProcess.COMPLETE_DELEGATE);
        delegates.forEach((id, bean) -> {
            ServiceTask task = element(model, id, ServiceTask.class);
            if (task == null) {
                p.add("modeling.contract.missing.serviceTask", id);
            } else if (!expr(bean).equals(task.getCamundaDelegateExpression())) {
                p.add("modeling.contract.delegate", id, expr(bean),
                        none(task.getCamundaDelegateExpression()));
            }
        });
        Map<String, String> messages = new LinkedHashMap<>();
        messages.put(InformationRequestProcess.CUSTOMER_SUBMITTED, InformationRequestProcess.MSG_ANSWERS_SUBMITTED);
        messages.put(InformationRequestProcess.REVIEWED_MEANWHILE, InformationRequestProcess.MSG_ITEMS_REVIEWED);
        messages.put(InformationRequestProcess.AWAIT_REVIEW, InformationRequestProcess.MSG_ITEMS_REVIEWED);
        messages.put(InformationRequestProcess.CANCEL_REQUESTED, InformationRequestProcess.MSG_CANCELLED);
        messages.forEach((id, message) -> {
            ModelElementInstance found = model.getModelElementById(id);
            Collection<org.camunda.bpm.model.bpmn.instance.EventDefinition> definitions =
                    found instanceof IntermediateCatchEvent e ? e.getEventDefinitions()
                    : found instanceof BoundaryEvent b ? b.getEventDefinitions() : null;
            if (definitions == null) {
                p.add("modeling.contract.missing.messageEvent", id, message);
                return;
            }
            String waitsFor = definitions.stream().filter(MessageEventDefinition.class::isInstance)
                    .map(d -> ((MessageEventDefinition) d).getMessage()).filter(Objects::nonNull)
                    .map(Message::getName).findFirst().orElse(null);
            if (!message.equals(waitsFor)) {
                p.add("modeling.contract.waitsFor", kind(found), id, message,
                        none(waitsFor));
            }
        });
        BoundaryEvent cancel = element(model, InformationRequestProcess.CANCEL_REQUESTED, BoundaryEvent.class);
        if (cancel != null && (cancel.getAttachedTo() == null
                || !InformationRequestProcess.COLLECT.equals(cancel.getAttachedTo().getId())
                || !cancel.cancelActivity())) {
            p.add("modeling.contract.cancelInterrupts",
                    cancel.getId(), InformationRequestProcess.COLLECT);
        }
        String remindEvery = expr(InformationRequestProcess.VAR_REMIND_EVERY);
        IntermediateCatchEvent timer = element(model, InformationRequestProcess.REMINDER_DUE,
                IntermediateCatchEvent.class);
        if (timer == null) {
            p.add("modeling.contract.reminderMissing",
                    InformationRequestProcess.REMINDER_DUE);
        } else {
            String duration = timer.getEventDefinitions().stream().filter(TimerEventDefinition.class::isInstance)
                    .map(d -> ((TimerEventDefinition) d).getTimeDuration()).filter(Objects::nonNull)
                    .map(ModelElementInstance::getTextContent).findFirst().orElse(null);
            if (!remindEvery.equals(duration == null ? null : duration.trim())) {
                p.add("modeling.contract.timerDuration", timer.getId(), remindEvery,
                        none(duration));
            }
        }
        for (String end : List.of(InformationRequestProcess.END_COMPLETED, InformationRequestProcess.END_CANCELLED)) {
            if (element(model, end, EndEvent.class) == null) {
                p.add("modeling.contract.missing.endEvent", end);
            }
        }
        requirePath(model, p, InformationRequestProcess.AWAIT_CUSTOMER, InformationRequestProcess.CUSTOMER_SUBMITTED);
        requirePath(model, p, InformationRequestProcess.AWAIT_CUSTOMER, InformationRequestProcess.REMINDER_DUE);
        requirePath(model, p, InformationRequestProcess.REMINDER_DUE, InformationRequestProcess.REMIND_CUSTOMER);
        requirePath(model, p, InformationRequestProcess.CUSTOMER_SUBMITTED, InformationRequestProcess.CHECK_PROGRESS);
        requirePath(model, p, InformationRequestProcess.AWAIT_REVIEW, InformationRequestProcess.CHECK_PROGRESS);
        requirePath(model, p, InformationRequestProcess.CHECK_PROGRESS, InformationRequestProcess.AWAIT_CUSTOMER);
        requirePath(model, p, InformationRequestProcess.CHECK_PROGRESS, InformationRequestProcess.AWAIT_REVIEW);
        requirePath(model, p, InformationRequestProcess.CHECK_PROGRESS, InformationRequestProcess.ALL_ACCEPTED);
        requirePath(model, p, InformationRequestProcess.COLLECT, InformationRequestProcess.COMPLETE_REQUEST);
        requirePath(model, p, InformationRequestProcess.COMPLETE_REQUEST, InformationRequestProcess.END_COMPLETED);
        requirePath(model, p, InformationRequestProcess.CANCEL_REQUESTED, InformationRequestProcess.END_CANCELLED);
    }

    /**
     * ExternalAccessService starts extranet-invitation (business key = portal account id) and correlates its three
     * messages by name; the four service tasks call its delegates; the expiry timer runs for ${invitationValidFor}.
     */
    static void extranetInvitationContract(BpmnModelInstance model, Problems p) {
        StartEvent start = element(model, ExtranetInvitationProcess.START, StartEvent.class);
        if (start == null) {
            p.add("modeling.contract.missing.startEvent", ExtranetInvitationProcess.START);
        } else if (executionListeners(start).stream().noneMatch(l -> l.getCamundaExpression() != null
                && l.getCamundaExpression().contains("'" + ExtranetInvitationProcess.VAR_VALID_FOR + "'"))) {
            p.add("modeling.contract.start.validFor", start.getId(),
                    ExtranetInvitationProcess.VAR_VALID_FOR);
        }

        Map<String, String> delegates = new LinkedHashMap<>();
        delegates.put(ExtranetInvitationProcess.PROVISION_IDENTITY, ExtranetInvitationProcess.PROVISION_DELEGATE);
        delegates.put(ExtranetInvitationProcess.SEND_INVITATION, ExtranetInvitationProcess.SEND_DELEGATE);
        delegates.put(ExtranetInvitationProcess.MARK_ACTIVE, ExtranetInvitationProcess.MARK_ACTIVE_DELEGATE);
        delegates.put(ExtranetInvitationProcess.MARK_EXPIRED, ExtranetInvitationProcess.MARK_EXPIRED_DELEGATE);
        requireDelegates(model, p, delegates);

        FlowNode await = element(model, ExtranetInvitationProcess.AWAIT_FIRST_SIGN_IN, FlowNode.class);
        if (await == null) {
            p.add("modeling.contract.invitation.awaitMissing",
                    ExtranetInvitationProcess.AWAIT_FIRST_SIGN_IN);
        }
        Map<String, String> messages = new LinkedHashMap<>();
        messages.put(ExtranetInvitationProcess.SIGNED_IN, ExtranetInvitationProcess.MSG_SIGNED_IN);
        messages.put(ExtranetInvitationProcess.RESENT, ExtranetInvitationProcess.MSG_RESENT);
        messages.put(ExtranetInvitationProcess.REVOKED, ExtranetInvitationProcess.MSG_REVOKED);
        messages.put(ExtranetInvitationProcess.CANCELLED, ExtranetInvitationProcess.MSG_CANCELLED);
        requireMessageCatches(model, p, await, messages);

        String validFor = expr(ExtranetInvitationProcess.VAR_VALID_FOR);
        IntermediateCatchEvent timer = element(model, ExtranetInvitationProcess.EXPIRED_TIMER,
                IntermediateCatchEvent.class);
        if (timer == null) {
            p.add("modeling.contract.invitation.timerMissing", ExtranetInvitationProcess.EXPIRED_TIMER);
        } else {
            String duration = timer.getEventDefinitions().stream().filter(TimerEventDefinition.class::isInstance)
                    .map(d -> ((TimerEventDefinition) d).getTimeDuration()).filter(Objects::nonNull)
                    .map(ModelElementInstance::getTextContent).findFirst().orElse(null);
            if (!validFor.equals(duration == null ? null : duration.trim())) {
                p.add("modeling.contract.timerDuration", timer.getId(), validFor,
                        none(duration));
            }
            if (await != null && !leadsTo(await, f -> true, timer)) {
                p.add("modeling.contract.invitation.timerNotAfter", timer.getId(),
                        await.getId());
            }
        }

        for (String end : List.of(ExtranetInvitationProcess.END_ACCEPTED, ExtranetInvitationProcess.END_EXPIRED,
                ExtranetInvitationProcess.END_REVOKED, ExtranetInvitationProcess.END_CANCELLED)) {
            if (element(model, end, EndEvent.class) == null) {
                p.add("modeling.contract.missing.endEvent", end);
            }
        }
        requirePath(model, p, ExtranetInvitationProcess.SIGNED_IN, ExtranetInvitationProcess.MARK_ACTIVE);
        requirePath(model, p, ExtranetInvitationProcess.MARK_ACTIVE, ExtranetInvitationProcess.END_ACCEPTED);
        requirePath(model, p, ExtranetInvitationProcess.EXPIRED_TIMER, ExtranetInvitationProcess.MARK_EXPIRED);
        requirePath(model, p, ExtranetInvitationProcess.MARK_EXPIRED, ExtranetInvitationProcess.END_EXPIRED);
        requirePath(model, p, ExtranetInvitationProcess.REVOKED, ExtranetInvitationProcess.END_REVOKED);
        requirePath(model, p, ExtranetInvitationProcess.CANCELLED, ExtranetInvitationProcess.END_CANCELLED);
        requirePath(model, p, ExtranetInvitationProcess.RESENT, ExtranetInvitationProcess.SEND_INVITATION);
        requirePath(model, p, ExtranetInvitationProcess.PROVISION_IDENTITY, ExtranetInvitationProcess.SEND_INVITATION);
        requirePath(model, p, ExtranetInvitationProcess.SEND_INVITATION, ExtranetInvitationProcess.AWAIT_FIRST_SIGN_IN);
    }

    /**
     * AccessReviewService starts access-review (business key = client id); its start event sets the two periods'
     * defaults, the timers wait for them, the service tasks call its delegates, both review tasks are mirrored by the
     * listener and assigned from the variables the delegates set.
     */
    static void accessRequestContract(BpmnModelInstance model, Problems p) {
        if (element(model, AccessRequestProcess.START, StartEvent.class) == null) {
            p.add("modeling.contract.missing.startEvent", AccessRequestProcess.START);
        }
        UserTask task = element(model, AccessRequestProcess.DECIDE_TASK, UserTask.class);
        if (task == null) {
            p.add("modeling.contract.missing.userTask", AccessRequestProcess.DECIDE_TASK);
            return;
        }
        String assignee = expr(AccessRequestProcess.VAR_DECIDER);
        if (!assignee.equals(task.getCamundaAssignee())) {
            p.add("modeling.contract.assignee", task.getId(), assignee,
                    none(task.getCamundaAssignee()));
        }
        String listener = expr(AccessRequestProcess.TASK_LISTENER);
        for (String event : List.of("create", "assignment", "complete", "delete")) {
            if (taskListeners(task).stream().noneMatch(l -> event.equals(l.getCamundaEvent())
                    && listener.equals(l.getCamundaDelegateExpression()))) {
                p.add("modeling.contract.taskListener", task.getId(), event, listener);
            }
        }
    }

    static void accessReviewContract(BpmnModelInstance model, Problems p) {
        StartEvent start = element(model, AccessReviewProcess.START, StartEvent.class);
        if (start == null) {
            p.add("modeling.contract.missing.startEvent", AccessReviewProcess.START);
        } else {
            for (String variable : List.of(AccessReviewProcess.VAR_EVERY, AccessReviewProcess.VAR_ESCALATE_AFTER)) {
                if (executionListeners(start).stream().noneMatch(l -> l.getCamundaExpression() != null
                        && l.getCamundaExpression().contains("'" + variable + "'"))) {
                    p.add("modeling.contract.start.timers", start.getId(), variable);
                }
            }
        }
        Map<String, String> delegates = new LinkedHashMap<>();
        delegates.put(AccessReviewProcess.OPEN_REVIEW, AccessReviewProcess.OPEN_DELEGATE);
        delegates.put(AccessReviewProcess.ESCALATE_REVIEW, AccessReviewProcess.ESCALATE_DELEGATE);
        delegates.put(AccessReviewProcess.REVOKE_ACCESS, AccessReviewProcess.REVOKE_DELEGATE);
        requireDelegates(model, p, delegates);
        Map<String, String> tasks = Map.of(AccessReviewProcess.REVIEW_TASK, AccessReviewProcess.VAR_REVIEWER,
                AccessReviewProcess.ESCALATED_TASK, AccessReviewProcess.VAR_ESCALATED_TO);
        tasks.forEach((id, assigneeVariable) -> {
            UserTask task = element(model, id, UserTask.class);
            if (task == null) {
                p.add("modeling.contract.missing.userTask", id);
                return;
            }
            String assignee = expr(assigneeVariable);
            if (!assignee.equals(task.getCamundaAssignee())) {
                p.add("modeling.contract.assignee", id, assignee,
                        none(task.getCamundaAssignee()));
            }
            String listener = expr(AccessReviewProcess.TASK_LISTENER);
            for (String event : List.of("create", "assignment", "complete", "delete")) {
                if (taskListeners(task).stream().noneMatch(l -> event.equals(l.getCamundaEvent())
                        && listener.equals(l.getCamundaDelegateExpression()))) {
                    p.add("modeling.contract.taskListener", id, event, listener);
                }
            }
        });
        Map<String, String> timers = Map.of(AccessReviewProcess.REVIEW_DUE, AccessReviewProcess.VAR_EVERY,
                AccessReviewProcess.REVIEW_OVERDUE, AccessReviewProcess.VAR_ESCALATE_AFTER);
        timers.forEach((id, variable) -> {
            org.camunda.bpm.model.bpmn.instance.Event timer = element(model, id,
                    org.camunda.bpm.model.bpmn.instance.Event.class);
            String duration = timer == null ? null : timer.getChildElementsByType(TimerEventDefinition.class).stream()
                    .map(TimerEventDefinition::getTimeDuration).filter(Objects::nonNull)
                    .map(ModelElementInstance::getTextContent).findFirst().orElse(null);
            if (timer == null) {
                p.add("modeling.contract.missing.timerEvent", id);
            } else if (!expr(variable).equals(duration == null ? null : duration.trim())) {
                p.add("modeling.contract.timerDuration", id, expr(variable), none(duration));
            }
        });
        if (element(model, AccessReviewProcess.END_NOBODY, EndEvent.class) == null) {
            p.add("modeling.contract.missing.endEvent", AccessReviewProcess.END_NOBODY);
        }
        requirePath(model, p, AccessReviewProcess.REVIEW_DUE, AccessReviewProcess.OPEN_REVIEW);
        requirePath(model, p, AccessReviewProcess.OPEN_REVIEW, AccessReviewProcess.REVIEW_TASK);
        requirePath(model, p, AccessReviewProcess.OPEN_REVIEW, AccessReviewProcess.END_NOBODY);
        requirePath(model, p, AccessReviewProcess.REVIEW_OVERDUE, AccessReviewProcess.ESCALATE_REVIEW);
        requirePath(model, p, AccessReviewProcess.ESCALATE_REVIEW, AccessReviewProcess.ESCALATED_TASK);
        requirePath(model, p, AccessReviewProcess.REVIEW_TASK, AccessReviewProcess.REVOKE_ACCESS);
        requirePath(model, p, AccessReviewProcess.ESCALATED_TASK, AccessReviewProcess.REVOKE_ACCESS);
        requirePath(model, p, AccessReviewProcess.REVOKE_ACCESS, AccessReviewProcess.REVIEW_DUE);
    }

    /**
     * ProposalService starts proposal-approval (business key = proposal id) with the decision's inputs, approver and
     * expiresAt; DecideApproval really evaluates proposal-approval-rules; the service tasks call its delegates, the
     * approval task is mirrored by its listener, and the customer's two messages and the expiry timer follow the
     * event-based gateway.
     */
    static void proposalApprovalContract(BpmnModelInstance model, Problems p) {
        BusinessRuleTask decide = element(model, ProposalApprovalProcess.DECIDE_APPROVAL, BusinessRuleTask.class);
        if (decide == null) {
            p.add("modeling.contract.missing.businessRuleTask", ProposalApprovalProcess.DECIDE_APPROVAL);
        } else {
            if (!ProposalApprovalProcess.DECISION_ID.equals(decide.getCamundaDecisionRef())) {
                p.add("modeling.contract.decisionRef", decide.getId(),
                        ProposalApprovalProcess.DECISION_ID, none(decide.getCamundaDecisionRef()));
            }
            if (!ProposalApprovalProcess.VAR_DECISION.equals(decide.getCamundaResultVariable())
                    || !"singleResult".equals(decide.getCamundaMapDecisionResult())) {
                p.add("modeling.contract.decisionResult", decide.getId(),
                        ProposalApprovalProcess.VAR_DECISION);
            }
        }
        Map<String, String> delegates = new LinkedHashMap<>();
        delegates.put(ProposalApprovalProcess.REQUEST_APPROVAL, ProposalApprovalProcess.REQUEST_APPROVAL_DELEGATE);
        delegates.put(ProposalApprovalProcess.SEND, ProposalApprovalProcess.SEND_DELEGATE);
        delegates.put(ProposalApprovalProcess.MARK_EXPIRED, ProposalApprovalProcess.MARK_EXPIRED_DELEGATE);
        delegates.put(ProposalApprovalProcess.WIN_DEAL, ProposalApprovalProcess.WIN_DEAL_DELEGATE);
        delegates.put(ProposalApprovalProcess.PLAN_SETUP, ProposalApprovalProcess.PLAN_SETUP_DELEGATE);
        requireDelegates(model, p, delegates);
        UserTask approve = element(model, ProposalApprovalProcess.APPROVE_TASK, UserTask.class);
        if (approve == null) {
            p.add("modeling.contract.missing.userTask", ProposalApprovalProcess.APPROVE_TASK);
        } else {
            String approver = expr(ProposalApprovalProcess.VAR_APPROVER);
            if (!approver.equals(approve.getCamundaAssignee())) {
                p.add("modeling.contract.assignee", approve.getId(), approver,
                        none(approve.getCamundaAssignee()));
            }
            String listener = expr(ProposalApprovalProcess.TASK_LISTENER);
            for (String event : List.of("create", "assignment", "complete", "delete")) {
                if (taskListeners(approve).stream().noneMatch(l -> event.equals(l.getCamundaEvent())
                        && listener.equals(l.getCamundaDelegateExpression()))) {
                    p.add("modeling.contract.taskListener", approve.getId(), event, listener);
                }
            }
        }
        FlowNode await = element(model, ProposalApprovalProcess.AWAIT_ANSWER, FlowNode.class);
        if (await == null) {
            p.add("modeling.contract.proposal.awaitMissing", ProposalApprovalProcess.AWAIT_ANSWER);
        }
        Map<String, String> messages = Map.of(ProposalApprovalProcess.ACCEPTED, ProposalApprovalProcess.MSG_ACCEPTED,
                ProposalApprovalProcess.DECLINED, ProposalApprovalProcess.MSG_DECLINED,
                ProposalApprovalProcess.WITHDRAWN, ProposalApprovalProcess.MSG_WITHDRAWN);
        requireMessageCatches(model, p, await, new TreeMap<>(messages));
        IntermediateCatchEvent timer = element(model, ProposalApprovalProcess.EXPIRY_TIMER,
                IntermediateCatchEvent.class);
        String expiresAt = expr(ProposalApprovalProcess.VAR_EXPIRES_AT);
        if (timer == null) {
            p.add("modeling.contract.proposal.timerMissing", ProposalApprovalProcess.EXPIRY_TIMER);
        } else {
            String date = timer.getEventDefinitions().stream().filter(TimerEventDefinition.class::isInstance)
                    .map(d -> ((TimerEventDefinition) d).getTimeDate()).filter(Objects::nonNull)
                    .map(TimeDate::getTextContent).findFirst().orElse(null);
            if (!expiresAt.equals(date == null ? null : date.trim())) {
                p.add("modeling.contract.timerDate", timer.getId(), expiresAt, none(date));
            }
            if (await != null && !leadsTo(await, f -> true, timer)) {
                p.add("modeling.contract.proposal.timerNotAfter", timer.getId(), await.getId());
            }
        }
        for (String end : List.of(ProposalApprovalProcess.END_ACCEPTED, ProposalApprovalProcess.END_DECLINED,
                ProposalApprovalProcess.END_EXPIRED, ProposalApprovalProcess.END_RETURNED,
                ProposalApprovalProcess.END_WITHDRAWN)) {
            if (element(model, end, EndEvent.class) == null) {
                p.add("modeling.contract.missing.endEvent", end);
            }
        }
        requirePath(model, p, ProposalApprovalProcess.START, ProposalApprovalProcess.DECIDE_APPROVAL);
        requirePath(model, p, ProposalApprovalProcess.WITHDRAWN, ProposalApprovalProcess.END_WITHDRAWN);
        requirePath(model, p, ProposalApprovalProcess.DECIDE_APPROVAL, ProposalApprovalProcess.REQUEST_APPROVAL);
        requirePath(model, p, ProposalApprovalProcess.DECIDE_APPROVAL, ProposalApprovalProcess.SEND);
        requirePath(model, p, ProposalApprovalProcess.REQUEST_APPROVAL, ProposalApprovalProcess.APPROVE_TASK);
        requirePath(model, p, ProposalApprovalProcess.APPROVE_TASK, ProposalApprovalProcess.SEND);
        requirePath(model, p, ProposalApprovalProcess.APPROVE_TASK, ProposalApprovalProcess.END_RETURNED);
        requirePath(model, p, ProposalApprovalProcess.SEND, ProposalApprovalProcess.AWAIT_ANSWER);
        requirePath(model, p, ProposalApprovalProcess.ACCEPTED, ProposalApprovalProcess.WIN_DEAL);
        requirePath(model, p, ProposalApprovalProcess.WIN_DEAL, ProposalApprovalProcess.PLAN_SETUP);
        requirePath(model, p, ProposalApprovalProcess.PLAN_SETUP, ProposalApprovalProcess.END_ACCEPTED);
        requirePath(model, p, ProposalApprovalProcess.DECLINED, ProposalApprovalProcess.END_DECLINED);
        requirePath(model, p, ProposalApprovalProcess.EXPIRY_TIMER, ProposalApprovalProcess.MARK_EXPIRED);
        requirePath(model, p, ProposalApprovalProcess.MARK_EXPIRED, ProposalApprovalProcess.END_EXPIRED);
    }

    /** Each service task (by id) calls its delegate bean. */
    static void requireDelegates(BpmnModelInstance model, Problems p, Map<String, String> delegates) {
        delegates.forEach((id, bean) -> {
            ServiceTask task = element(model, id, ServiceTask.class);
            if (task == null) {
                p.add("modeling.contract.missing.serviceTask", id);
            } else if (!expr(bean).equals(task.getCamundaDelegateExpression())) {
                p.add("modeling.contract.delegate", id, expr(bean),
                        none(task.getCamundaDelegateExpression()));
            }
        });
    }

    /** Each intermediate catch event (by id) waits for its message, right after {@code await}. */
    static void requireMessageCatches(BpmnModelInstance model, Problems p, FlowNode await,
                                      Map<String, String> messages) {
        messages.forEach((id, message) -> {
            IntermediateCatchEvent event = element(model, id, IntermediateCatchEvent.class);
            if (event == null) {
                p.add("modeling.contract.missing.messageCatch", id, message);
                return;
            }
            String waitsFor = messageName(event);
            if (!message.equals(waitsFor)) {
                p.add("modeling.contract.catchMessage", id, message,
                        none(waitsFor));
            }
            if (await != null && !leadsTo(await, f -> true, event)) {
                p.add("modeling.contract.catchNotAfter", id,
                        await.getId(), message);
            }
        });
    }

    /** The name of the message a catch or boundary event waits for; null when it waits for none. */
    static String messageName(org.camunda.bpm.model.bpmn.instance.CatchEvent event) {
        return event.getEventDefinitions().stream().filter(MessageEventDefinition.class::isInstance)
                .map(d -> ((MessageEventDefinition) d).getMessage()).filter(Objects::nonNull)
                .map(Message::getName).findFirst().orElse(null);
    }

    /** Names a missing path between two elements that exist; a missing element has been named already. */
    static void requirePath(BpmnModelInstance model, Problems p, String fromId, String toId) {
        FlowNode from = element(model, fromId, FlowNode.class);
        FlowNode to = element(model, toId, FlowNode.class);
        if (from != null && to != null && !leadsTo(from, f -> true, to)) {
            p.add("modeling.contract.path", kind(from), fromId, kind(to), toId);
        }
    }

    static void dealStagesContract(BpmnModelInstance model, Problems p) {
        String owner = expr(DealStagesProcess.VAR_OWNER);
        String nextStepDue = expr(DealStagesProcess.VAR_NEXT_STEP_DUE);
        String stageListener = expr(DealStagesProcess.STAGE_LISTENER);
        String closedListener = expr(DealStagesProcess.CLOSED_LISTENER);

        if (!(model.getModelElementById(DealStagesProcess.START) instanceof StartEvent)) {
            p.add("modeling.contract.missing.startEvent", DealStagesProcess.START);
        }
        EndEvent won = element(model, DealStagesProcess.END_WON, EndEvent.class);
        EndEvent lost = element(model, DealStagesProcess.END_LOST, EndEvent.class);
        for (EndEvent end : new EndEvent[] {won, lost}) {
            if (end != null && executionListeners(end).stream().noneMatch(l -> "end".equals(l.getCamundaEvent())
                    && closedListener.equals(l.getCamundaDelegateExpression()))) {
                p.add("modeling.contract.endListener", end.getId(), closedListener);
            }
        }
        if (won == null) {
            p.add("modeling.contract.missing.endEvent", DealStagesProcess.END_WON);
        }
        if (lost == null) {
            p.add("modeling.contract.missing.endEvent", DealStagesProcess.END_LOST);
        }

        StartEvent start = element(model, DealStagesProcess.START, StartEvent.class);
        if (start != null && executionListeners(start).stream().noneMatch(l -> l.getCamundaExpression() != null
                && l.getCamundaExpression().contains("'" + DealStagesProcess.VAR_STALL_AFTER + "'"))) {
            p.add("modeling.contract.start.stallAfter", start.getId(),
                    DealStagesProcess.VAR_STALL_AFTER);
        }
        EndEvent stalledEnd = element(model, DealStagesProcess.END_STALLED, EndEvent.class);
        String stalledListener = expr(DealStagesProcess.STALLED_LISTENER);
        if (stalledEnd == null) {
            p.add("modeling.contract.missing.endEvent", DealStagesProcess.END_STALLED);
        } else if (executionListeners(stalledEnd).stream().noneMatch(l -> "end".equals(l.getCamundaEvent())
                && stalledListener.equals(l.getCamundaDelegateExpression()))) {
            p.add("modeling.contract.endListener", stalledEnd.getId(), stalledListener);
        }
        // the stages are what the product reads from the model (DD015): user tasks with the stage listener on create
        List<DealStage> stages = DealStagesProcess.stages(model);
        if (stages.isEmpty()) {
            p.add("modeling.contract.deal.noStages",
                    DealStagesProcess.START, stageListener);
        }
        // a user task with some of the stage listener's events but not all was meant to be a stage
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (taskListeners(task).stream().anyMatch(l -> stageListener.equals(l.getCamundaDelegateExpression()))) {
                for (String event : List.of("create", "assignment", "complete", "delete")) {
                    if (taskListeners(task).stream().noneMatch(l -> event.equals(l.getCamundaEvent())
                            && stageListener.equals(l.getCamundaDelegateExpression()))) {
                        p.add("modeling.contract.taskListener", task.getId(), event, stageListener);
                    }
                }
            }
        }

        String stallAfter = expr(DealStagesProcess.VAR_STALL_AFTER);
        for (DealStage stage : stages) {
            UserTask task = element(model, stage.taskId(), UserTask.class);
            boolean hasStallTimer = model.getModelElementsByType(BoundaryEvent.class).stream()
                    .filter(b -> b.getAttachedTo() == task && !b.cancelActivity())
                    .filter(b -> b.getEventDefinitions().stream().anyMatch(d -> d instanceof TimerEventDefinition t
                            && t.getTimeDuration() != null && stallAfter.equals(t.getTimeDuration().getTextContent())))
                    .anyMatch(b -> stalledEnd == null || leadsTo(b, f -> true, stalledEnd));
            if (!hasStallTimer) {
                p.add("modeling.contract.deal.stallTimer", task.getId(), stallAfter, DealStagesProcess.END_STALLED);
            }
        }

        // DealService.winByProposal correlates ProposalAccepted: every open stage must catch it and end Won
        for (DealStage stage : stages) {
            UserTask task = element(model, stage.taskId(), UserTask.class);
            boolean catchesIt = model.getModelElementsByType(BoundaryEvent.class).stream()
                    .filter(b -> b.getAttachedTo() == task && b.cancelActivity())
                    .filter(b -> DealStagesProcess.MSG_PROPOSAL_ACCEPTED.equals(messageName(b)))
                    .anyMatch(b -> won == null || leadsTo(b, f -> true, won));
            if (!catchesIt) {
                p.add("modeling.contract.deal.proposalAccepted", task.getId(),
                        DealStagesProcess.MSG_PROPOSAL_ACCEPTED, DealStagesProcess.END_WON);
            }
        }

        // DealService.moveBack correlates DealMovedBack: every stage after the first catches it and goes back one
        for (int i = 1; i < stages.size(); i++) {
            UserTask task = element(model, stages.get(i).taskId(), UserTask.class);
            UserTask previous = element(model, stages.get(i - 1).taskId(), UserTask.class);
            boolean catchesIt = model.getModelElementsByType(BoundaryEvent.class).stream()
                    .filter(b -> b.getAttachedTo() == task && b.cancelActivity())
                    .filter(b -> DealStagesProcess.MSG_MOVED_BACK.equals(messageName(b)))
                    .anyMatch(b -> leadsTo(b, f -> true, previous));
            if (!catchesIt) {
                p.add("modeling.contract.deal.moveBack", task.getId(), DealStagesProcess.MSG_MOVED_BACK,
                        previous.getId());
            }
        }

        // DealService.reopen correlates DealReopened as a start message, with reopenAt naming the stage's task id
        StartEvent reopen = element(model, DealStagesProcess.START_REOPENED, StartEvent.class);
        if (reopen == null || !DealStagesProcess.MSG_REOPENED.equals(messageName(reopen))) {
            p.add("modeling.contract.deal.reopenMissing",
                    DealStagesProcess.START_REOPENED, DealStagesProcess.MSG_REOPENED);
        } else {
            for (int i = 0; i < stages.size(); i++) {
                UserTask task = element(model, stages.get(i).taskId(), UserTask.class);
                String condition = "'" + task.getId() + "'";
                Predicate<SequenceFlow> toThisStage = i == 0 ? f -> true
                        : f -> f.getConditionExpression() != null
                                && f.getConditionExpression().getTextContent().contains(condition);
                if (!leadsTo(reopen, toThisStage, task)) {
                    if (i == 0) {
                        p.add("modeling.contract.deal.reopenFirst", reopen.getId(), task.getId());
                    } else {
                        p.add("modeling.contract.deal.reopenAt", reopen.getId(),
                                "${" + DealStagesProcess.VAR_REOPEN_AT + " == " + condition + "}", task.getId());
                    }
                }
            }
        }

        Predicate<SequenceFlow> lostBranch = f -> hasOutcome(f, DealStagesProcess.OUTCOME_LOST);
        Predicate<SequenceFlow> wonBranch = f -> hasOutcome(f, DealStagesProcess.OUTCOME_WON) || isDefault(f);
        Predicate<SequenceFlow> advanceBranch = f -> hasOutcome(f, DealStagesProcess.OUTCOME_ADVANCE) || isDefault(f);

        for (int i = 0; i < stages.size(); i++) {
            UserTask task = element(model, stages.get(i).taskId(), UserTask.class);
            if (!owner.equals(task.getCamundaAssignee())) {
                p.add("modeling.contract.assignee", task.getId(), owner,
                        none(task.getCamundaAssignee()));
            }
            if (!nextStepDue.equals(task.getCamundaDueDate())) {
                p.add("modeling.contract.dueDate", task.getId(), nextStepDue,
                        none(task.getCamundaDueDate()));
            }
            // DealRules lets the owner lose a deal in every open stage, advance it before the last one, and win it
            // in the last one; DealService then completes the task with the outcome variable.
            if (lost != null && !leadsTo(task, lostBranch, lost)) {
                p.add("modeling.contract.deal.lose", task.getId(), outcomeExpr(DealStagesProcess.OUTCOME_LOST), lost.getId());
            }
            if (i + 1 < stages.size()) {
                String nextId = stages.get(i + 1).taskId();
                FlowNode next = element(model, nextId, UserTask.class);
                if (next != null && !leadsTo(task, advanceBranch, next)) {
                    p.add("modeling.contract.deal.advance", task.getId(), outcomeExpr(DealStagesProcess.OUTCOME_ADVANCE), nextId);
                }
            } else if (won != null && !leadsTo(task, wonBranch, won)) {
                p.add("modeling.contract.deal.win", task.getId(), outcomeExpr(DealStagesProcess.OUTCOME_WON), won.getId());
            }
        }
    }

    // ----------------------------------------------------------------------------------------------- model walks

    /**
     * Whether, after {@code from} completes, the token can take a flow that {@code branch} accepts and then reach
     * {@code target} without waiting anywhere else (no other task or catch event in between).
     */
    static boolean leadsTo(FlowNode from, Predicate<SequenceFlow> branch, FlowNode target) {
        Set<SequenceFlow> candidates = new LinkedHashSet<>(from.getOutgoing());
        for (FlowNode node : reachableWithoutWaiting(from.getOutgoing())) {
            if (!isWaitState(node)) {
                candidates.addAll(node.getOutgoing());
            }
        }
        return candidates.stream().filter(branch)
                .anyMatch(f -> reachableWithoutWaiting(List.of(f)).contains(target));
    }

    /** The nodes the token reaches through these flows; it stops at (but includes) wait states and end events. */
    static Set<FlowNode> reachableWithoutWaiting(Collection<SequenceFlow> flows) {
        Set<FlowNode> seen = new HashSet<>();
        Deque<FlowNode> todo = new ArrayDeque<>();
        flows.forEach(f -> todo.add(f.getTarget()));
        while (!todo.isEmpty()) {
            FlowNode node = todo.poll();
            if (seen.add(node) && !isWaitState(node)) {
                node.getOutgoing().forEach(f -> todo.add(f.getTarget()));
            }
        }
        return seen;
    }

    static boolean isWaitState(FlowNode node) {
        return node instanceof UserTask || node instanceof ReceiveTask || node instanceof ManualTask
                || node instanceof IntermediateCatchEvent || node instanceof EventBasedGateway;
    }

    static boolean hasOutcome(SequenceFlow flow, String outcome) {
        if (flow.getConditionExpression() == null || flow.getConditionExpression().getTextContent() == null) {
            return false;
        }
        String condition = flow.getConditionExpression().getTextContent().replaceAll("\\s", "").replace('"', '\'');
        return condition.contains(DealStagesProcess.VAR_OUTCOME + "=='" + outcome + "'")
                || condition.contains(DealStagesProcess.VAR_OUTCOME + "eq'" + outcome + "'");
    }

    static boolean isDefault(SequenceFlow flow) {
        FlowNode source = flow.getSource();
        SequenceFlow defaultFlow = source instanceof ExclusiveGateway g ? g.getDefault()
                : source instanceof InclusiveGateway g ? g.getDefault()
                : source instanceof ComplexGateway g ? g.getDefault()
                : source instanceof Activity a ? a.getDefault() : null;
        return flow.equals(defaultFlow);
    }

    // --------------------------------------------------------------------------------------------------- helpers

    static final class Problems {
        final String fileName;
        final List<Breach> list = new ArrayList<>();

        Problems(String fileName) {
            this.fileName = fileName;
        }

        /**
         * Adds the sentence {@code key} (a {@code modeling.contract.*} key) with its arguments. The element is the
         * first argument that looks like an id: no blanks, no expression, not a translated word (a kind, "(none)").
         * A null argument shows as "(none)".
         */
        void add(String key, Object... args) {
            List<String> texts = new ArrayList<>(args.length);
            for (Object arg : args) {
                texts.add(arg == null ? NONE : arg.toString());
            }
            String elementId = null;
            for (String s : texts) {
                if (!s.isBlank() && !s.contains(" ") && !s.contains("${") && !Problem.isWord(s)) {
                    elementId = s;
                    break;
                }
            }
            list.add(new Breach(elementId, key, texts));
        }
    }

    static String expr(String name) {
        return "${" + name + "}";
    }

    static String outcomeExpr(String outcome) {
        return "${" + DealStagesProcess.VAR_OUTCOME + " == '" + outcome + "'}";
    }

    /** "(none)" in the reader's language. */
    static final String NONE = "modeling.contract.none";

    static String none(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }

    static <T extends ModelElementInstance> T element(BpmnModelInstance model, String id, Class<T> type) {
        ModelElementInstance element = model.getModelElementById(id);
        return type.isInstance(element) ? type.cast(element) : null;
    }

    static List<CamundaTaskListener> taskListeners(BaseElement element) {
        return element.getExtensionElements() == null ? List.of()
                : element.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list();
    }

    static List<CamundaExecutionListener> executionListeners(BaseElement element) {
        return element.getExtensionElements() == null ? List.of()
                : element.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class).list();
    }

    /**
     * The BPMN element types a flow node can have, each with a key {@code modeling.contract.kind.<type>} ("user
     * task", "Benutzeraufgabe"), plus "element" for any other.
     */
    public static final Set<String> KINDS = Set.of("task", "sendTask", "receiveTask", "serviceTask", "userTask",
            "manualTask", "scriptTask", "businessRuleTask", "callActivity", "subProcess", "transaction",
            "adHocSubProcess", "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent",
            "boundaryEvent", "exclusiveGateway", "inclusiveGateway", "parallelGateway", "complexGateway",
            "eventBasedGateway", "element");

    /** The key of the element's kind, as process owners see the element types in the Modeler ("user task"). */
    static String kind(ModelElementInstance element) {
        String type = element.getElementType().getTypeName();
        return "modeling.contract.kind." + (KINDS.contains(type) ? type : "element");
    }

    /** A fresh copy of the real deal-stages.bpmn to break; skips when the real one is broken already. */
}
