package io.clientspace.bench;

import static io.clientspace.support.Actors.as;
import static io.clientspace.support.Actors.asManager;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.conversation.ChatDraft;
import io.clientspace.conversation.ChatMessage;
import io.clientspace.conversation.ChatService;
import io.clientspace.drills.ClusterNodes;
import io.clientspace.shared.WorkScope;
import io.clientspace.shared.live.ClientChanges;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 19 §7, chat delivery: {@code ./mvnw -Pbench verify -Dtest=ChatDeliveryBenchmark} (the normal build never runs
 * it). Two whole app nodes in this JVM on one PostgreSQL database ({@link ClusterNodes}: the drills' nodes and
 * services, as TwoNodesDrillTests starts them). On each node, {@code -Dbench.chat.sessions-per-node} (25) open chat
 * views of one client channel, each a different signed-in colleague, registered as {@code ChatPanel.onAttach} registers
 * them: {@link ClientChanges#subscribeItems} with a callback that, as the viewer, fetches the message through
 * {@link ChatService#message} and then marks it read ({@link ChatService#markRead}), as the panel does after it
 * shows a message. The callback runs on the node's listener thread, as {@code ui.access} runs it when the session
 * is not locked, so the sessions of one node are served one after another, as in the app. Colleagues on node A post
 * {@code -Dbench.chat.messages} (200) messages after {@code -Dbench.chat.warmup} (20), one at a time: each waits until
 * every session has it. A message's latency for a session: from just before {@link ChatService#post} on node A until
 * that session has fetched the row. Writes target/bench/bench-chat.md and .csv.
 */
class ChatDeliveryBenchmark {

    static final double P95_GOAL_MS = 500;

    @Test
    void measure() throws Exception {
        int perNode = Integer.getInteger("bench.chat.sessions-per-node", 25);
        int warmup = Integer.getInteger("bench.chat.warmup", 20);
        int messages = Integer.getInteger("bench.chat.messages", 200);
        String database = "bench_chat_" + UUID.randomUUID().toString().substring(0, 8);
        long t0 = System.nanoTime();
        String url = ClusterNodes.createDatabase(database);
        try (ClusterNodes.Node a = ClusterNodes.start("chat-a", url, Map.of());
             ClusterNodes.Node b = ClusterNodes.start("chat-b", url, Map.of())) {
            List<ClusterNodes.Node> nodes = List.of(a, b);
            double startedIn = (System.nanoTime() - t0) / 1e9;
            Client client = asManager(() -> nodes.get(0).bean(ClientService.class)
                    .create(ClientTestData.company("manager"), false));
            UUID channel = asManager(() -> nodes.get(0).bean(ChatService.class)
                    .channels(WorkScope.client(client.id()))).get(0).id();

            int sessions = 2 * perNode;
            long[] postedAt = new long[warmup + messages];
            // receipt times by node, one row per message, one column per session on that node
            long[][][] received = new long[2][warmup + messages][perNode];
            AtomicInteger current = new AtomicInteger(-1);
            java.util.concurrent.atomic.AtomicReference<CountDownLatch> latch = new java.util.concurrent.atomic.AtomicReference<>();
            Map<String, Integer> failures = new ConcurrentHashMap<>();
            List<AutoCloseable> subscriptions = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                ChatService chat = nodes.get(node).bean(ChatService.class);
                ClientChanges live = nodes.get(node).bean(ClientChanges.class);
                for (int s = 0; s < perNode; s++) {
                    String viewer = viewer(node, s);
                    int n = node;
                    int session = s;
                    // the panel's history load on attach, as the viewer: proves they may open the channel
                    as(viewer, () -> chat.history(channel, null), "STAFF", "MANAGER");
                    subscriptions.add(live.subscribeItems(channel, id -> {
                        try {
                            ChatMessage m = as(viewer, () -> chat.message(channel, id), "STAFF", "MANAGER")
                                    .orElseThrow();
                            int i = current.get();
                            if (i >= 0 && received[n][i][session] == 0) {
                                received[n][i][session] = System.nanoTime();
                                latch.get().countDown();
                            }
                            as(viewer, () -> {
                                chat.markRead(channel, m.seq());
                                return null;
                            }, "STAFF", "MANAGER");
                        } catch (RuntimeException e) {
                            failures.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
                        }
                    }));
                }
            }

            int lost = 0;
            ChatService poster = nodes.get(0).bean(ChatService.class);
            try {
                for (int i = 0; i < warmup + messages; i++) {
                    latch.set(new CountDownLatch(sessions));
                    current.set(i);
                    // the posters rotate over node A's viewers, as a channel's colleagues write in turn
                    String author = viewer(0, i % perNode);
                    String text = "Bench message " + i;
                    postedAt[i] = System.nanoTime();
                    as(author, () -> poster.post(channel, ChatDraft.text(text)), "STAFF", "MANAGER");
                    if (!latch.get().await(10, TimeUnit.SECONDS)) {
                        lost += (int) latch.get().getCount();
                    }
                }
            } finally {
                current.set(-1);
                for (AutoCloseable s : subscriptions) {
                    s.close();
                }
            }

            BenchHarness bench = new BenchHarness(warmup, messages);
            BenchHarness.Samples all = new BenchHarness.Samples(messages * sessions);
            BenchHarness.Samples last = new BenchHarness.Samples(messages);
            for (int node = 0; node < 2; node++) {
                BenchHarness.Samples samples = new BenchHarness.Samples(messages * perNode);
                for (int i = warmup; i < warmup + messages; i++) {
                    for (int s = 0; s < perNode; s++) {
                        if (received[node][i][s] > 0) {
                            samples.add(received[node][i][s] - postedAt[i]);
                            all.add(received[node][i][s] - postedAt[i]);
                        }
                    }
                }
                bench.add(samples.result("chat-node-" + (node == 0 ? "a" : "b"), "post on node A until a session on"
                        + " node " + (node == 0 ? "A" : "B") + " fetched the row (" + perNode + " sessions x "
                        + messages + " messages)"));
            }
            for (int i = warmup; i < warmup + messages; i++) {
                long max = 0;
                for (int node = 0; node < 2; node++) {
                    for (int s = 0; s < perNode; s++) {
                        max = Math.max(max, received[node][i][s] - postedAt[i]);
                    }
                }
                last.add(max);
            }
            BenchHarness.Result overall = bench.add(all.result("chat-all-sessions", "post until a session on either"
                    + " node fetched it (all " + sessions + " sessions)"));
            bench.add(last.result("chat-last-session", "post until the last of the " + sessions
                    + " sessions fetched it (one figure per message)"));
            report(bench, nodes.get(0).bean(JdbcTemplate.class), overall, perNode, startedIn, lost, failures);
        }
    }

    private static String viewer(int node, int session) {
        return String.format(Locale.ROOT, "bench-%s-%02d", node == 0 ? "a" : "b", session);
    }

    private static void report(BenchHarness bench, JdbcTemplate jdbc, BenchHarness.Result overall, int perNode,
                               double startedIn, int lost, Map<String, Integer> failures) {
        StringBuilder goals = new StringBuilder("| Goal | Target | Measured | Met |\n|---|---|---|---|\n");
        for (var r : bench.results()) {
            if (r.name().startsWith("chat-node")) {
                goals.append(BenchHarness.goal(r.name() + " p95", "<= 500 ms", r.p95(), r.p95() <= P95_GOAL_MS,
                        " ms"));
            }
        }
        goals.append(BenchHarness.goal("all " + 2 * perNode + " sessions, p95", "<= 500 ms", overall.p95(),
                overall.p95() <= P95_GOAL_MS, " ms"));
        goals.append(BenchHarness.goal("deliveries missing after 10 s", "0", lost, lost == 0, ""));
        String md = "# Clientspace chat delivery benchmark (issue 19 §7)\n\n"
                + "Run " + Instant.now() + " on " + BenchHarness.machine(jdbc) + ". Both app nodes and PostgreSQL"
                + " share this JVM and the machine's 2 cores, which other sessions use too: figures are noisy.\n\n"
                + String.format(Locale.ROOT, "Two app nodes (started in %.0f s) on one database; %d open chat"
                        + " views of one client channel on each node, each a different colleague, registered as"
                        + " ChatPanel registers (ClientChanges.subscribeItems; the callback fetches the message as"
                        + " the viewer through ChatService.message, then marks it read). Messages posted on node A"
                        + " by its colleagues in turn, one at a time (the next once every session has the last);"
                        + " %d warm-up messages, then %d measured. Latency: from just before ChatService.post on node"
                        + " A until the session has fetched the row. The push to the browser (Vaadin's websocket"
                        + " frame) is not in it.%n%n", startedIn, perNode, bench.warmup(), bench.iterations())
                + bench.markdownTable() + "\n(ops/s here is 1 / mean latency: not a throughput.)\n\n" + goals
                + (failures.isEmpty() ? "" : "\nFailures in callbacks: " + failures + "\n");
        Path dir = Path.of("target", "bench");
        BenchHarness.write(dir.resolve("bench-chat.md"), md);
        BenchHarness.write(dir.resolve("bench-chat.csv"), bench.csv());
        System.out.println(md);
    }
}
