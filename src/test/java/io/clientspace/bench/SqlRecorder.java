package io.clientspace.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Sees every SQL statement the app sends, Hibernate's and the engine's alike, with its bound parameters, while a
 * test asks it to ({@link #record}). It wraps the test context's DataSource; outside a recording it only passes
 * calls on. The guards use it to count the statements of a workspace opening and to EXPLAIN the real SQL of each
 * query, so no SQL string is copied into a test where it could drift from the code.
 */
@Component
public class SqlRecorder implements BeanPostProcessor {

    /** One statement as the driver received it: the SQL with ? placeholders, and the setter calls that bound it. */
    public record Recorded(String sql, List<Binding> bindings) {

        /** Runs this statement's SQL behind a prefix (e.g. EXPLAIN) with the same parameters on the connection. */
        public PreparedStatement prepare(Connection connection, String prefix) throws Exception {
            PreparedStatement s = connection.prepareStatement(prefix + sql);
            for (Binding b : bindings) {
                b.method().invoke(s, b.args());
            }
            return s;
        }
    }

    public record Binding(Method method, Object[] args) {
    }

    private static final ThreadLocal<List<Recorded>> CURRENT = new ThreadLocal<>();

    /** Runs the work on this thread and returns every statement it sent, in order. */
    public static List<Recorded> record(Runnable work) {
        return record(() -> {
            work.run();
            return null;
        }).statements();
    }

    public record Result<T>(T value, List<Recorded> statements) {
    }

    public static <T> Result<T> record(Supplier<T> work) {
        List<Recorded> previous = CURRENT.get();
        List<Recorded> statements = new ArrayList<>();
        CURRENT.set(statements);
        try {
            return new Result<>(work.get(), List.copyOf(statements));
        } finally {
            CURRENT.set(previous);
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource ds && !Proxy.isProxyClass(bean.getClass())) {
            return proxy(DataSource.class, ds, (target, method, args) -> {
                Object result = method.invoke(target, args);
                return result instanceof Connection c ? connection(c) : result;
            });
        }
        return bean;
    }

    private static Connection connection(Connection real) {
        return proxy(Connection.class, real, (target, method, args) -> {
            Object result = method.invoke(target, args);
            List<Recorded> recording = CURRENT.get();
            if (recording != null && args != null && args.length > 0 && args[0] instanceof String sql
                    && (method.getName().equals("prepareStatement") || method.getName().equals("prepareCall"))) {
                Recorded r = new Recorded(sql, new ArrayList<>());
                recording.add(r);
                return statement(PreparedStatement.class, (PreparedStatement) result, r);
            }
            if (recording != null && result instanceof Statement s && !(result instanceof PreparedStatement)) {
                return statement(Statement.class, s, null);
            }
            return result;
        });
    }

    private static <S extends Statement> S statement(Class<S> type, S real, Recorded recorded) {
        return proxy(type, real, (target, method, args) -> {
            String name = method.getName();
            if (recorded != null && name.startsWith("set") && args != null && args.length >= 2
                    && args[0] instanceof Integer) {
                recorded.bindings().add(new Binding(method, args.clone()));
            } else if (recorded == null && name.startsWith("execute") && args != null && args.length > 0
                    && args[0] instanceof String sql) {
                List<Recorded> recording = CURRENT.get();
                if (recording != null) {
                    recording.add(new Recorded(sql, List.of()));
                }
            }
            return method.invoke(target, args);
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
        return (T) Proxy.newProxyInstance(SqlRecorder.class.getClassLoader(), new Class<?>[] {type},
                (InvocationHandler) (p, method, args) -> {
                    try {
                        if (method.getName().equals("unwrap") && args.length == 1
                                && ((Class<?>) args[0]).isInstance(target)) {
                            return target;
                        }
                        return handler.invoke(target, method, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @FunctionalInterface
    private interface Handler<T> {
        Object invoke(T target, Method method, Object[] args) throws Throwable;
    }
}
