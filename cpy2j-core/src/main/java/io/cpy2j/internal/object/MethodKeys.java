package io.cpy2j.internal.object;

import io.cpy2j.TwinException;
import java.lang.reflect.Method;
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

    private MethodKeys() {
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
