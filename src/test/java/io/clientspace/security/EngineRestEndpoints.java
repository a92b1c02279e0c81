package io.clientspace.security;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;

/**
 * Every endpoint of Camunda's engine REST API, read from its JAX-RS annotations the way Jersey reads them: the root
 * resources Camunda registers, their resource methods, and the sub-resources their locators return. So a new
 * Camunda version's new endpoint is in the list without anyone adding it.
 */
final class EngineRestEndpoints {

    /** One HTTP method on one path; path parameters are filled with a made-up value. */
    record Endpoint(String method, String path) implements Comparable<Endpoint> {
        @Override
        public int compareTo(Endpoint o) {
            return (path + " " + method).compareTo(o.path + " " + o.method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private EngineRestEndpoints() {
    }

    /** The endpoints relative to an engine's root, e.g. "/process-definition/x1/start" (without /engine/{name}). */
    static Set<Endpoint> perEngine() {
        Set<Endpoint> result = new TreeSet<>();
        for (Class<?> resource : CamundaRestResources.getResourceClasses()) {
            String root = path(resource);
            if (root == null || root.startsWith("/engine")) {
                continue; // the named-engine variant: the same resources under /engine/{name}
            }
            walk(resource, fill(root), result, new HashSet<>(), 0);
        }
        return result;
    }

    /** The engine listing plus every engine endpoint, for the default engine and under the root. */
    static Set<Endpoint> under(String prefix, boolean alsoUnnamed) {
        Set<Endpoint> result = new TreeSet<>();
        result.add(new Endpoint(HttpMethod.GET, prefix + "/engine"));
        for (Endpoint e : perEngine()) {
            result.add(new Endpoint(e.method(), prefix + "/engine/default" + e.path()));
            if (alsoUnnamed) {
                result.add(new Endpoint(e.method(), prefix + e.path()));
            }
        }
        return result;
    }

    private static void walk(Class<?> type, String prefix, Set<Endpoint> result, Set<String> seen, int depth) {
        if (depth > 6 || !seen.add(type.getName() + prefix)) {
            return;
        }
        for (Method m : methods(type)) {
            String sub = m.isAnnotationPresent(Path.class) ? fill(m.getAnnotation(Path.class).value()) : "";
            String httpMethod = httpMethod(m);
            String path = join(prefix, sub);
            if (httpMethod != null) {
                result.add(new Endpoint(httpMethod, path));
            } else if (m.isAnnotationPresent(Path.class)) {
                walk(m.getReturnType(), path, result, seen, depth + 1);
            }
        }
    }

    /** A class's resource methods: JAX-RS takes them from the interfaces when the class itself has none. */
    private static List<Method> methods(Class<?> type) {
        List<Method> result = new ArrayList<>();
        Set<Class<?>> types = new LinkedHashSet<>();
        collectTypes(type, types);
        for (Class<?> t : types) {
            for (Method m : t.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Path.class) || httpMethod(m) != null) {
                    result.add(m);
                }
            }
        }
        return result;
    }

    private static void collectTypes(Class<?> type, Set<Class<?>> into) {
        if (type == null || type == Object.class || !into.add(type)) {
            return;
        }
        for (Class<?> i : type.getInterfaces()) {
            collectTypes(i, into);
        }
        collectTypes(type.getSuperclass(), into);
    }

    private static String path(Class<?> type) {
        Set<Class<?>> types = new LinkedHashSet<>();
        collectTypes(type, types);
        for (Class<?> t : types) {
            Path p = t.getAnnotation(Path.class);
            if (p != null) {
                return p.value();
            }
        }
        return null;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
            if (h != null) {
                return h.value();
            }
        }
        return null;
    }

    /** {id}, {id:.*} and friends become a value no engine has, so nothing real is touched even if a call got in. */
    private static String fill(String template) {
        return template.replaceAll("\\{[^}]+}", "x1");
    }

    private static String join(String a, String b) {
        String left = a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
        if (b.isEmpty() || b.equals("/")) {
            return left.isEmpty() ? "/" : left;
        }
        return left + (b.startsWith("/") ? b : "/" + b);
    }
}
