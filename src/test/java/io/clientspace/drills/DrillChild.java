package io.clientspace.drills;

import static io.clientspace.support.Actors.asManager;

import io.clientspace.ClientspaceApplication;
import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.deal.DealService;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The app in a child JVM for the kill drill: starts Clientspace (settings come as system properties) and creates
 * deals one after another, printing a line for each committed one, until it is killed.
 */
public final class DrillChild {

    static final String READY = "DRILL-CHILD-CLIENT ";
    static final String CREATED = "DRILL-CHILD-CREATED ";

    private DrillChild() {
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ClientspaceApplication.class)
                .run(args);
        Client client = asManager(() -> context.getBean(ClientService.class)
                .create(ClientTestData.company("manager"), false));
        System.out.println(READY + client.id());
        DealService deals = context.getBean(DealService.class);
        for (int i = 0; i < 200; i++) {
            UUID id = asManager(() -> deals.create(client.id(), Drills.deal("Killed mid-run"))).id();
            System.out.println(CREATED + id);
        }
        System.exit(0);
    }
}
