package io.cpy2j.internal.object;

import io.cpy2j.TwinException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names a method on the wire as {@code declaringClass#name(paramType,...)}, and finds it again on
 * the other side. Both directions are cached: the name is built once per method.
 */
public final class MethodKeys {

    private static final Map<Method, String> KEYS = new ConcurrentHashMap<>();
    private static final Map<String, Method> METHODS = new ConcurrentHashMap<>();
    private static final Map<String, Class<?>> PRIMITIVES = Map.of("int", int.class, "long", long.class,
            "double", double.class, "float", float.class, "boolean", boolean.class, "byte", byte.class,
            "short", short.class, "char", char.class, "void", void.class);

    /** Per class: every method it has (declared, inherited, of its interfaces) by key. */
    private static final ClassValue<Map<String, Method>> BY_CLASS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> methods = new HashMap<>();
            collect(type, methods);
            return Map.copyOf(methods);
        }
    };

    private MethodKeys() {
    }

    /**
     * The method {@code key} names among those {@code type} has, or {@code null}: for a peer that may not
     * name classes, since nothing is loaded by name and no method of another class can be reached.
     */
    public static Method methodOn(Class<?> type, String key) {
        return BY_CLASS.get(type).get(key);
    }

    private static void collect(Class<?> type, Map<String, Method> methods) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            addDeclared(c, methods);
            for (Class<?> implemented : c.getInterfaces()) {
                collect(implemented, methods);
            }
        }
    }

    private static void addDeclared(Class<?> type, Map<String, Method> methods) {
        for (Method method : type.getDeclaredMethods()) {
            String key = keyOf(method);
            if (!methods.containsKey(key) && method.trySetAccessible()) {
                methods.put(key, method);
            }
        }
    }

    public static String keyOf(Method method) {
        return KEYS.computeIfAbsent(method, MethodKeys::build);
    }

    public static Method methodOf(String key) {
        return METHODS.computeIfAbsent(key, MethodKeys::resolve);
    }

    private static String build(Method method) {
        StringBuilder key = new StringBuilder(method.getDeclaringClass().getName()).append('#')
                .append(method.getName()).append('(');
        Class<?>[] params = method.getParameterTypes();
        for (int i = 0; i < params.length; i++) {
            key.append(i == 0 ? "" : ",").append(params[i].getName());
        }
        return key.append(')').toString();
    }

    private static Method resolve(String key) {
        int hash = key.indexOf('#');
        int open = key.indexOf('(', hash);
        try {
            Class<?> owner = load(key.substring(0, hash));
            String body = key.substring(open + 1, key.length() - 1);
            String[] names = body.isEmpty() ? new String[0] : body.split(",");
            Class<?>[] params = new Class<?>[names.length];
            for (int i = 0; i < names.length; i++) {
                params[i] = load(names[i]);
            }
            Method method = owner.getDeclaredMethod(key.substring(hash + 1, open), params);
            method.setAccessible(true);
            return method;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new TwinException("method " + key + " does not exist on this side: master and twin have "
                    + "different versions of its class (" + e + ")", e);
        }
    }

    private static Class<?> load(String name) throws ClassNotFoundException {
        Class<?> primitive = PRIMITIVES.get(name);
        if (primitive != null) {
            return primitive;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return Class.forName(name, false, loader != null ? loader : MethodKeys.class.getClassLoader());
    }
}
