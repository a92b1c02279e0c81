package io.clientspace.bench;

import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asOtherManager;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clientspace.conversation.ChannelKind;
import io.clientspace.conversation.ChatPage;
import io.clientspace.conversation.ChatService;
import io.clientspace.devservices.TestClock;
import io.clientspace.portal.PortalTestData;
import io.clientspace.shared.WorkScope;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A channel with 100,000 messages opens as fast as one with 10: every statement behind opening a channel (the
 * channels with their unread counts, the newest page, the page before it) is EXPLAINed on the app's real SQL and must
 * not read chat_message sequentially, and a long channel sends exactly the statements a short one does (search too).
 * Search within a channel is a substring match over that channel's messages, so it is not held to the index rule.
 * The messages go in inside a transaction that is rolled back, so other tests never see them.
 */
@ClientspaceIntegrationTest
class ChatAtScaleGuardTests {

    static final int LONG_CHANNEL = 100_000;
    static final int SHORT_CHANNEL = 10;

    @Autowired
    ChatService chat;
    @Autowired
    PortalTestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DataSource dataSource;
    @Autowired
    Clock clock;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aChannelOfAHundredThousandMessagesOpensLikeOneOfTen() {
        PortalTestData.World busy = data.world("chat-busy");
        PortalTestData.World quiet = data.world("chat-quiet");
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            UUID busyChannel = internal(busy.project().scope());
            UUID quietChannel = internal(quiet.project().scope());
            fill(busyChannel, LONG_CHANNEL);
            fill(quietChannel, SHORT_CHANNEL);
            // and other channels around them, so that the table is large for the planner
            fill(internal(WorkScope.client(busy.client().id())), 20_000);
            jdbc.execute("analyze chat_message");
            jdbc.execute("analyze chat_read");
            jdbc.execute("analyze chat_channel");

            Map<String, List<SqlRecorder.Recorded>> busyCalls;
            Map<String, List<SqlRecorder.Recorded>> quietCalls;
            // the app's clock stands still while the two are recorded, so that no cache kept for a while (the firm's
            // modules, FirmModuleService.CACHE_TTL) is read again in one and not the other; one call warms them up
            try (TestClock.Unpin still = TestClock.pin(clock.instant())) {
                internal(quiet.project().scope());
                busyCalls = opening(busy.project().scope(), busyChannel);
                quietCalls = opening(quiet.project().scope(), quietChannel);
            }

            List<String> scans = new ArrayList<>();
            int explained = 0;
            for (var call : busyCalls.entrySet()) {
                for (SqlRecorder.Recorded statement : call.getValue()) {
                    // search reads the channel's own rows by substring; opening a channel must not read the table
                    if (!statement.sql().trim().toLowerCase(Locale.ROOT).startsWith("select")
                            || !statement.sql().contains("chat_") || call.getKey().equals("search")) {
                        continue;
                    }
                    explained++;
                    for (String table : seqScans(statement)) {
                        if (table.startsWith("chat_message")) {
                            scans.add(call.getKey() + ": Seq Scan on " + table + " in " + statement.sql());
                        }
                    }
                }
            }
            assertThat(explained).as("chat statements explained").isGreaterThanOrEqualTo(6);
            assertThat(scans).as("sequential scans of chat_message").isEmpty();

            Map<String, Integer> busyCounts = new LinkedHashMap<>();
            Map<String, Integer> quietCounts = new LinkedHashMap<>();
            busyCalls.forEach((k, v) -> busyCounts.put(k, v.size()));
            quietCalls.forEach((k, v) -> quietCounts.put(k, v.size()));
            // the quiet channel has no page before its first: that answer skips the attachments' query
            assertThat(busyCounts.get("older-page")).as("statements for the page before, busy channel")
                    .isEqualTo(busyCounts.get("newest-page"));
            busyCounts.remove("older-page");
            quietCounts.remove("older-page");
            assertThat(busyCounts).as("statements per call, busy channel").isEqualTo(quietCounts);
        });
    }

    private UUID internal(WorkScope scope) {
        return asManager(() -> chat.channels(scope)).stream().filter(c -> c.kind() == ChannelKind.INTERNAL)
                .findFirst().orElseThrow().id();
    }

    private void fill(UUID channel, int count) {
        jdbc.update("""
                insert into chat_message (id, channel_id, author_kind, author, author_name, body, created_at)
                select gen_random_uuid(), ?, 'STAFF', 'manager', 'Manager', 'Message number ' || n,
                       now() - (? - n) * interval '1 second'
                from generate_series(1, ?) n""", channel, count, count);
    }

    /** What opening a channel runs: the list with unread counts, the newest page, the one before it, a search. */
    private Map<String, List<SqlRecorder.Recorded>> opening(WorkScope scope, UUID channel) {
        Map<String, List<SqlRecorder.Recorded>> calls = new LinkedHashMap<>();
        calls.put("channels", record(() -> asOtherManager(() -> chat.channels(scope))));
        calls.put("unread", record(() -> asOtherManager(() -> chat.unreadIn(scope))));
        ChatPage newest = asOtherManager(() -> chat.history(channel, null));
        calls.put("newest-page", record(() -> asOtherManager(() -> chat.history(channel, null))));
        calls.put("older-page", record(() -> asOtherManager(() -> chat.history(channel, newest.oldestSeq()))));
        calls.put("search", record(() -> asOtherManager(() -> chat.search(channel, "number 7"))));
        return calls;
    }

    private static List<SqlRecorder.Recorded> record(Supplier<Object> call) {
        return SqlRecorder.record(call::get).statements();
    }

    private List<String> seqScans(SqlRecorder.Recorded statement) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (var explain = statement.prepare(connection, "explain (format json) ");
             ResultSet rs = explain.executeQuery()) {
            rs.next();
            List<String> tables = new ArrayList<>();
            collect(json.readTree(rs.getString(1)).get(0).get("Plan"), tables);
            return tables;
        } catch (Exception e) {
            throw new IllegalStateException("EXPLAIN failed for " + statement.sql(), e);
        }
    }

    private static void collect(JsonNode plan, List<String> tables) {
        if ("Seq Scan".equals(plan.path("Node Type").asText())) {
            tables.add(plan.path("Relation Name").asText().toLowerCase(Locale.ROOT));
        }
        for (JsonNode child : plan.path("Plans")) {
            collect(child, tables);
        }
    }
}
