package io.clientspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Menu;
import io.clientspace.shared.FirmModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link FirmModule} names the tabs, menu entries, portal sections and processes of each module as plain strings, so
 * that the central switch needs no module's internals (DD034). These checks fail the build when a module renames one
 * and the switch would silently stop hiding it.
 */
class FirmModuleNamesTests {

    @Test
    void tabsAreTheModulesOwnTabIds() {
        Set<String> tabs = Set.of(io.clientspace.proposal.ProposalNavigation.TAB,
                io.clientspace.inforequest.RequestNavigation.TAB, io.clientspace.request.ClientRequestNavigation.TAB,
                io.clientspace.conversation.ConversationNavigation.CHAT_TAB,
                io.clientspace.conversation.ConversationNavigation.MAIL_TAB, io.clientspace.extranet.ExtranetNavigation.TAB);
        assertThat(Arrays.stream(FirmModule.values()).flatMap(m -> m.tabs().stream())).containsExactlyInAnyOrderElementsOf(tabs);
    }

    @Test
    void processesAreShippedModels() {
        Set<String> ids = Set.of(io.clientspace.proposal.process.ProposalApprovalProcess.PROCESS_ID,
                io.clientspace.inforequest.process.InformationRequestProcess.PROCESS_ID,
                io.clientspace.acceptance.process.DocumentAcceptanceProcess.PROCESS_ID,
                io.clientspace.request.process.ClientRequestProcess.PROCESS_ID,
                io.clientspace.extranet.process.ExtranetInvitationProcess.PROCESS_ID,
                io.clientspace.extranet.process.AccessReviewProcess.PROCESS_ID);
        Set<String> named = Arrays.stream(FirmModule.values()).flatMap(m -> m.processes().stream())
                .collect(Collectors.toSet());
        assertThat(named).isEqualTo(ids);
        named.forEach(id -> assertThat(Path.of("processes", id + ".bpmn")).isRegularFile());
    }

    @Test
    void menuTitlesAreMenuEntriesAndPortalSectionsAreTranslated() throws IOException {
        Set<String> menus = new TreeSet<>();
        new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.clientspace").stream().filter(c -> c.isAnnotatedWith(Menu.class))
                .forEach(c -> menus.add(c.getAnnotationOfType(Menu.class).title()));
        assertThat(menus).containsAll(Arrays.stream(FirmModule.values()).flatMap(m -> m.menuTitles().stream()).toList());

        Properties english = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/vaadin-i18n/translations.properties"))) {
            english.load(in);
        }
        Arrays.stream(FirmModule.values()).flatMap(m -> m.portalSections().stream())
                .forEach(key -> assertThat(english).containsKey(key));
        String layout = Files.readString(Path.of("src/main/java/io/clientspace/portal/ui/PortalLayout.java"));
        Arrays.stream(FirmModule.values()).flatMap(m -> m.portalSections().stream())
                .forEach(key -> assertThat(layout).as("the portal's navigation has %s", key).contains("\"" + key + "\""));
    }
}
