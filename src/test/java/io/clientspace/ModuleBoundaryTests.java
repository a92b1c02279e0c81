package io.clientspace;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.clientspace.extranet.CustomerScope;
import io.clientspace.extranet.PortalAccessPolicy;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.shared.ProcessOnly;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Service;

/**
 * The module boundaries that issue 11 drew, held by rules so that they stay drawn (docs/decisions/DD011): the
 * workspace is a shell, the portal is a leaf, only the modules that own a process drive the engine, and every public
 * service method that takes an id either checks who is asking or says that it is for the system only.
 */
class ModuleBoundaryTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.clientspace");

    /** The modules that run a BPMN model of their own, and so may start, correlate and complete its work. */
    static final String[] PROCESS_OWNERS = {"io.clientspace.deal..", "io.clientspace.task..",
            "io.clientspace.proposal..", "io.clientspace.inforequest..", "io.clientspace.acceptance..",
            "io.clientspace.extranet..", "io.clientspace.request..", "io.clientspace.people..",
            // the process owners' area: counts instances, retries failed jobs and migrates instances (issue 12)
            "io.clientspace.modeling.."};

    @Test
    void onlyTheModulesThatOwnAProcessDriveTheEngine() {
        noClasses().that().resideOutsideOfPackages(PROCESS_OWNERS)
                .should().dependOnClassesThat().belongToAnyOf(RuntimeService.class, TaskService.class,
                        ManagementService.class)
                .because("only the module that owns a process starts it, correlates messages to it or runs its jobs;"
                        + " the demo data asks those modules too")
                .check(CLASSES);
    }

    @Test
    void viewsNeverReachIntoAProcessPackage() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAPackage("..process..")
                .because("a view calls its module's service, which owns the process and its ids")
                .check(CLASSES);
    }

    @Test
    void nobodyImportsThePortal() {
        noClasses().that().resideOutsideOfPackage("io.clientspace.portal..")
                .should().dependOnClassesThat().resideInAPackage("io.clientspace.portal..")
                .because("the portal is a customer-facing UI over the modules' services and owns no data")
                .check(CLASSES);
    }

    @Test
    void theWorkspaceShellsKnowNoCapability() {
        // the checklist (ReviewPanel, AttentionView) reads deals and tasks on purpose: it is the workspace's own
        noClasses().that().resideInAPackage("io.clientspace.workspace.ui..")
                .and().haveNameMatching(".*\\.(WorkspaceView|ProjectWorkspaceView|WorkspaceShell|WorkspaceParts)")
                .should().dependOnClassesThat().resideInAnyPackage("io.clientspace.deal..", "io.clientspace.task..",
                        "io.clientspace.file..", "io.clientspace.document..", "io.clientspace.proposal..",
                        "io.clientspace.acceptance..", "io.clientspace.inforequest..", "io.clientspace.extranet..",
                        "io.clientspace.conversation..", "io.clientspace.timeline..", "io.clientspace.request..")
                .because("tabs come from their modules as WorkspaceTabProvider beans; the shell only collects them")
                .check(CLASSES);
    }

    @Test
    void noViewCallsAProcessOnlyMethod() {
        noClasses().that().resideInAPackage("..ui..")
                .should().callMethodWhere(DescribedPredicate.describe("a @ProcessOnly method",
                        (JavaMethodCall call) -> call.getTarget().resolveMember()
                                .map(m -> m.isAnnotatedWith(ProcessOnly.class)).orElse(false)))
                .because("a process-only method checks no permission: it acts for the system")
                .check(CLASSES);
    }

    /**
     * A public method of a service that takes an id (or a customer's scope) must check who is asking, directly or
     * through what it calls (the current user, or the portal access policy), or be marked {@link ProcessOnly}.
     * Without this, a new method that forgets the check would let anyone who reaches it read or change another
     * client's record.
     */
    @Test
    void everyServiceMethodThatTakesAnIdChecksWhoAsksOrIsMarkedProcessOnly() {
        Set<JavaCodeUnit> gated = gatedCodeUnits();
        Set<String> unchecked = new TreeSet<>();
        for (JavaClass service : CLASSES) {
            if (!service.isAnnotatedWith(Service.class) || !service.getModifiers().contains(JavaModifier.PUBLIC)) {
                continue;
            }
            for (JavaMethod m : service.getMethods()) {
                if (!m.getModifiers().contains(JavaModifier.PUBLIC) || m.getModifiers().contains(JavaModifier.STATIC)
                        || m.isAnnotatedWith(ProcessOnly.class)) {
                    continue;
                }
                boolean takesAnId = m.getRawParameterTypes().stream().anyMatch(
                        t -> t.isEquivalentTo(UUID.class) || t.isEquivalentTo(CustomerScope.class)
                                || t.getName().equals("io.clientspace.shared.WorkScope"));
                if (takesAnId && !gated.contains(m)) {
                    unchecked.add(service.getSimpleName() + "." + m.getName()
                            + m.getRawParameterTypes().stream().map(JavaClass::getSimpleName).toList());
                }
            }
        }
        assertThat(unchecked).as("public service methods with an id that check nobody and are not @ProcessOnly")
                .isEmpty();
    }

    @Test
    void theGateFinderSeesAGateThroughAnotherService() {
        // the rule above is only as good as its reach: a check two calls away counts, a method that checks nothing
        // does not
        Set<JavaCodeUnit> gated = gatedCodeUnits();
        JavaClass documents = CLASSES.get("io.clientspace.document.DocumentService");
        assertThat(documents.getMethods()).filteredOn(m -> m.getName().equals("versions")).allMatch(gated::contains);
        JavaClass names = CLASSES.get("io.clientspace.shared.PersonNames");
        assertThat(names.getMethods()).noneMatch(gated::contains);
    }

    /**
     * Every method and constructor of ours that reaches a check of the current user: a call to
     * {@link CurrentUserProvider} or {@link PortalAccessPolicy}, or to a method that does, however deep.
     */
    static Set<JavaCodeUnit> gatedCodeUnits() {
        Map<JavaCodeUnit, Set<JavaCodeUnit>> callers = new HashMap<>();
        Deque<JavaCodeUnit> work = new ArrayDeque<>();
        Set<JavaCodeUnit> gated = new HashSet<>();
        for (JavaClass c : CLASSES) {
            for (JavaCodeUnit unit : c.getCodeUnits()) {
                unit.getCallsFromSelf().forEach(call -> {
                    String owner = call.getTargetOwner().getName();
                    if (owner.equals(CurrentUserProvider.class.getName())
                            || owner.equals(PortalAccessPolicy.class.getName())) {
                        if (gated.add(unit)) {
                            work.add(unit);
                        }
                    }
                    call.getTarget().resolveMember().ifPresent(target ->
                            callers.computeIfAbsent(target, k -> new HashSet<>()).add(unit));
                });
                // a method reference (this::check) reaches its target as surely as a call
                unit.getMethodReferencesFromSelf().forEach(ref -> ref.getTarget().resolveMember().ifPresent(target ->
                        callers.computeIfAbsent(target, k -> new HashSet<>()).add(unit)));
            }
        }
        while (!work.isEmpty()) {
            JavaCodeUnit unit = work.poll();
            for (JavaCodeUnit caller : callers.getOrDefault(unit, Set.of())) {
                if (gated.add(caller)) {
                    work.add(caller);
                }
            }
        }
        return gated;
    }
}
