package io.clientspace;

import org.springframework.scheduling.annotation.EnableScheduling;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.Theme;
import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Clientspace: one workspace per client for staff, a portal for customers, the work itself run on BPMN.
 * Push lets tabs show a loading state and fill in when their data arrives.
 */
@SpringBootApplication
@EnableProcessApplication("clientspace")
@ConfigurationPropertiesScan
@EnableScheduling
@Push
@Theme("clientspace")
@PWA(name = "Clientspace", shortName = "Clientspace")
public class ClientspaceApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(ClientspaceApplication.class, args);
    }
}
