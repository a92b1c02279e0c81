package io.clientspace;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** House rule 2: views call services, and only services. */
class ArchitectureTests {

    final com.tngtech.archunit.core.domain.JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.clientspace");

    @Test
    void viewsNeverTouchRepositoriesEntitiesOrTheEngine() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAPackage("..domain..")
                .orShould().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine..")
                .orShould().dependOnClassesThat().resideInAPackage("org.springframework.data..")
                .because("views call services, which own transactions and permission checks")
                .check(classes);
    }

    @Test
    void entitiesStayBehindTheirModulesServices() {
        // a module's *Service is its public API and the one place outside domain/ and process/ that sees its entities
        noClasses().that().resideOutsideOfPackages("..domain..", "..process..")
                .and().haveSimpleNameNotEndingWith("Service")
                .should().dependOnClassesThat(ourEntities())
                .because("entities stay behind the service that owns them; views and other modules get records")
                .check(classes);
    }

    /** Only our own JPA entities: Spring's ResponseEntity and the like end in "Entity" too. */
    private static DescribedPredicate<JavaClass> ourEntities() {
        return JavaClass.Predicates.resideInAPackage("io.clientspace..")
                .and(JavaClass.Predicates.simpleNameEndingWith("Entity"))
                .as("Clientspace entities");
    }
}
