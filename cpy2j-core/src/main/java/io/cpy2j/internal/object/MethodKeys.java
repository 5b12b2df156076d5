package io.cpy2j.internal.object;

import io.cpy2j.TwinException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
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

    /** Per class: the methods a peer that may not name classes can call on an object of it, by key. */
    private static final ClassValue<Map<String, Method>> CALLABLE = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> methods = new HashMap<>();
            for (Class<?> seenAs : ByReference.seenAs(type)) {
                for (Method method : seenAs.getMethods()) {
                    if (isCallable(method) && method.trySetAccessible()) {
                        methods.putIfAbsent(keyOf(method), method);
                    }
                }
            }
            for (String name : List.of("equals", "hashCode", "toString")) { // what every proxy forwards
                Method method = objectMethod(name);
                methods.put(keyOf(method), method);
            }
            return Map.copyOf(methods);
        }
    };

    private MethodKeys() {
    }

    /**
     * The method {@code key} names if a peer that may not name classes may call it on an object of
     * {@code type}: a public instance method of a type the object is seen as by that peer (see
     * {@link ByReference}), or {@code equals}/{@code hashCode}/{@code toString}; else {@code null}. Nothing
     * is loaded by name, and no private, static or other class's method can be reached.
     */
    public static Method callableOn(Class<?> type, String key) {
        return CALLABLE.get(type).get(key);
    }

    private static boolean isCallable(Method method) {
        Class<?> owner = method.getDeclaringClass();
        return !Modifier.isStatic(method.getModifiers()) && owner != Object.class && owner != TwinProxy.class;
    }

    private static Method objectMethod(String name) {
        try {
            return name.equals("equals") ? Object.class.getMethod(name, Object.class) : Object.class.getMethod(name);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
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
