package io.clientspace.people;

import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.shared.FirmModule;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.Modules;
import io.clientspace.shared.ViewerPolicy;
import io.clientspace.shared.PlanLimit;
import io.clientspace.shared.PlanLimitException;
import io.clientspace.shared.PlanUsage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Modules a firm switches on ({@code /admin/modules}, admins only) and the plans that preset them: the firm's plan and
 * any per-module overrides live in plain tables, and every node answers {@link #isOn} from a small cache that a change
 * clears at once on its own node and that other nodes re-read within {@link #CACHE_TTL}. See docs/decisions/DD034.
 */
@Service
public class FirmModuleService implements Modules, ViewerPolicy {

    /** How long another node may answer from what it read before (a change clears this node's cache at once). */
    static final Duration CACHE_TTL = Duration.ofSeconds(10);

    /** A named preset of modules and caps. {@code maxPortalContacts} is null when the plan has no cap. */
    public record Plan(String code, Set<FirmModule> modules, Long maxPortalContacts) {

        /** The plan's name, a product name in every language: "Solo", "Team", "Firm". */
        public String displayName() {
            return code.charAt(0) + code.substring(1).toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One module as the admin page shows it. {@code override} is null when it is as the plan says.
     */
    public record ModuleState(FirmModule module, boolean on, boolean inPlan, Boolean override) {
    }

    /** How much of a capped thing the firm uses; {@code cap} is null without a cap. */
    public record LimitUse(PlanLimit limit, long used, Long cap) {
    }

    /**
     * The admin page: the firm's plan, every plan to choose from, every module, the caps in use, and whether viewers
     * see amounts and the internal chat.
     */
    public record Overview(Plan plan, List<Plan> plans, List<ModuleState> modules, List<LimitUse> limits,
                           boolean viewersSeeAmounts) {
    }

    /**
     * Work in flight that a change would leave behind: {@code count} running instances of {@code process}, shown as
     * {@code messageKey} with the count. Running instances continue; no new ones start while the module is off.
     */
    public record WorkInFlight(FirmModule module, String process, String messageKey, long count) {
    }

    private record Snapshot(Plan plan, Map<FirmModule, Boolean> overrides, boolean viewersSeeAmounts, Instant readAt) {
    }

    private final JdbcTemplate jdbc;
    private final CurrentUserProvider currentUser;
    private final ObjectProvider<RuntimeService> runtime;
    private final List<PlanUsage> usages;
    private final Clock clock;
    private volatile Snapshot snapshot;

    FirmModuleService(JdbcTemplate jdbc, CurrentUserProvider currentUser, ObjectProvider<RuntimeService> runtime,
                      List<PlanUsage> usages, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.runtime = runtime;
        this.usages = List.copyOf(usages);
        this.clock = clock;
    }

    @Override
    public boolean isOn(FirmModule module) {
        Snapshot s = current();
        Boolean override = s.overrides().get(module);
        return override != null ? override : s.plan().modules().contains(module);
    }

    @Override
    public boolean viewersSeeAmounts() {
        return current().viewersSeeAmounts();
    }

    /**
     * Lets colleagues who only view a client see amounts and the internal chat, or keeps both from them (issue 15
     * §1). Editors and managers of a client see both whatever this says. Applies on each node's next question
     * within {@link #CACHE_TTL}, at once on this one.
     */
    @Transactional
    public void letViewersSeeAmounts(boolean see) {
        CurrentUser admin = requireAdmin();
        jdbc.update("update firm_settings set viewers_see_amounts = ?, changed_by = ?, changed_at = ? where id = 1",
                see, admin.username(), now());
        forgetOnCommit();
    }

    @Override
    public OptionalLong limit(PlanLimit limit) {
        Long cap = cap(current().plan(), limit);
        return cap == null ? OptionalLong.empty() : OptionalLong.of(cap);
    }

    @Override
    public void requireWithin(PlanLimit limit) {
        Plan plan = current().plan();
        Long cap = cap(plan, limit);
        if (cap != null && used(limit) > cap) {
            throw new PlanLimitException(field(limit), limit, cap, plan.displayName());
        }
    }

    /** The admin page's picture of the modules. */
    @Transactional(readOnly = true)
    public Overview overview() {
        requireAdmin();
        Snapshot s = read();
        List<ModuleState> states = new ArrayList<>();
        for (FirmModule m : FirmModule.values()) {
            Boolean override = s.overrides().get(m);
            boolean inPlan = s.plan().modules().contains(m);
            states.add(new ModuleState(m, override != null ? override : inPlan, inPlan, override));
        }
        List<LimitUse> limits = new ArrayList<>();
        for (PlanLimit l : PlanLimit.values()) {
            limits.add(new LimitUse(l, used(l), cap(s.plan(), l)));
        }
        return new Overview(s.plan(), plans(), states, limits, s.viewersSeeAmounts());
    }

    /** Every plan, smallest first. */
    @Transactional(readOnly = true)
    public List<Plan> plans() {
        Map<String, Set<FirmModule>> modules = new LinkedHashMap<>();
        Map<String, Long> caps = new LinkedHashMap<>();
        jdbc.query("select code, max_portal_contacts from firm_plan order by position", rs -> {
            String code = rs.getString(1);
            modules.put(code, EnumSet.noneOf(FirmModule.class));
            Number cap = (Number) rs.getObject(2);
            caps.put(code, cap == null ? null : cap.longValue());
        });
        jdbc.query("select plan_code, module from firm_plan_module", rs -> {
            Set<FirmModule> of = modules.get(rs.getString(1));
            if (of != null && known(rs.getString(2))) {
                of.add(FirmModule.valueOf(rs.getString(2)));
            }
        });
        List<Plan> plans = new ArrayList<>();
        modules.forEach((code, of) -> plans.add(new Plan(code, Set.copyOf(of), caps.get(code))));
        return plans;
    }

    /**
     * What switching {@code module} off would leave running; empty when switching on, or when nothing is in flight.
     */
    @Transactional(readOnly = true)
    public List<WorkInFlight> previewSwitch(FirmModule module, boolean on) {
        requireAdmin();
        return on || !isOn(module) ? List.of() : inFlight(EnumSet.of(module));
    }

    /** What choosing {@code planCode} would switch off (taking overrides into account) and leave running. */
    @Transactional(readOnly = true)
    public List<WorkInFlight> previewPlan(String planCode) {
        requireAdmin();
        Plan plan = plan(planCode);
        Snapshot s = read();
        Set<FirmModule> goingOff = EnumSet.noneOf(FirmModule.class);
        for (FirmModule m : FirmModule.values()) {
            Boolean override = s.overrides().get(m);
            boolean nowOn = override != null ? override : s.plan().modules().contains(m);
            boolean thenOn = override != null ? override : plan.modules().contains(m);
            if (nowOn && !thenOn) {
                goingOff.add(m);
            }
        }
        return inFlight(goingOff);
    }

    /**
     * Switches a module on or off for the firm. Its data stays; running processes continue. When the plan already
     * says the same, the override is dropped, so that a later plan change applies to it again.
     */
    @Transactional
    public ModuleState switchModule(FirmModule module, boolean on) {
        CurrentUser admin = requireAdmin();
        Objects.requireNonNull(module, "module");
        Plan plan = read().plan();
        if (plan.modules().contains(module) == on) {
            jdbc.update("delete from firm_module_override where module = ?", module.name());
        } else {
            jdbc.update("""
                    insert into firm_module_override (module, enabled, changed_by, changed_at) values (?, ?, ?, ?)
                    on conflict (module) do update set enabled = excluded.enabled, changed_by = excluded.changed_by,
                        changed_at = excluded.changed_at""", module.name(), on, admin.username(), now());
        }
        forgetOnCommit();
        return new ModuleState(module, on, plan.modules().contains(module), plan.modules().contains(module) == on
                ? null : on);
    }

    /** Drops the module's override: it is on or off as the plan says. */
    @Transactional
    public void followPlan(FirmModule module) {
        requireAdmin();
        jdbc.update("delete from firm_module_override where module = ?", module.name());
        forgetOnCommit();
    }

    /**
     * Chooses the firm's plan. Overrides stay. A plan whose caps the firm already exceeds may be chosen: what is there
     * stays, and nothing new is allowed past the cap.
     *
     * @throws InvalidInputException when there is no such plan
     */
    @Transactional
    public Plan choosePlan(String planCode) {
        CurrentUser admin = requireAdmin();
        Plan plan = plan(planCode);
        jdbc.update("update firm_settings set plan_code = ?, changed_by = ?, changed_at = ? where id = 1",
                plan.code(), admin.username(), now());
        forgetOnCommit();
        return plan;
    }

    /**
     * Forgets what this node cached, so that the next question reads the tables: after a change made around this
     * service (SQL by an operator, a test). Public because a package-private method of this transactional bean would
     * run on its proxy, not on the bean that holds the cache.
     */
    public void forgetCache() {
        snapshot = null;
    }

    private List<WorkInFlight> inFlight(Set<FirmModule> modules) {
        RuntimeService engine = runtime.getObject();
        List<WorkInFlight> work = new ArrayList<>();
        for (FirmModule m : modules) {
            for (String process : m.processes().stream().sorted().toList()) {
                long n = engine.createProcessInstanceQuery().processDefinitionKey(process).count();
                if (n > 0) {
                    work.add(new WorkInFlight(m, process, "module.work." + process, n));
                }
            }
        }
        return work;
    }

    private Plan plan(String code) {
        return plans().stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow(
                () -> new InvalidInputException(List.of(FieldProblem.of("plan", "modules.error.no-plan", code))));
    }

    private long used(PlanLimit limit) {
        return usages.stream().filter(u -> u.limit() == limit).mapToLong(PlanUsage::used).sum();
    }

    private static Long cap(Plan plan, PlanLimit limit) {
        return switch (limit) {
            case PORTAL_CONTACTS -> plan.maxPortalContacts();
        };
    }

    private static String field(PlanLimit limit) {
        return switch (limit) {
            case PORTAL_CONTACTS -> "email";
        };
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        // the app's clock, so that a test comparing what two calls send can hold it still
        if (s == null || s.readAt().plus(CACHE_TTL).isBefore(clock.instant())) {
            s = read();
            snapshot = s;
        }
        return s;
    }

    private Snapshot read() {
        record Settings(String code, boolean viewersSeeAmounts) {
        }
        Settings settings = jdbc.queryForObject("select plan_code, viewers_see_amounts from firm_settings where id = 1",
                (rs, n) -> new Settings(rs.getString(1), rs.getBoolean(2)));
        String code = settings.code();
        Plan plan = plans().stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
        Map<FirmModule, Boolean> overrides = new EnumMap<>(FirmModule.class);
        jdbc.query("select module, enabled from firm_module_override", rs -> {
            if (known(rs.getString(1))) {
                overrides.put(FirmModule.valueOf(rs.getString(1)), rs.getBoolean(2));
            }
        });
        return new Snapshot(plan, Map.copyOf(overrides), settings.viewersSeeAmounts(), clock.instant());
    }

    private void forgetOnCommit() {
        snapshot = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    snapshot = null;
                }
            });
        }
    }

    private CurrentUser requireAdmin() {
        return currentUser.requireAdmin();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static boolean known(String module) {
        for (FirmModule m : FirmModule.values()) {
            if (m.name().equals(module)) {
                return true;
            }
        }
        return false;
    }
}
