package io.cpy2j.internal.object;

import io.cpy2j.TwinException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Creates native instances, choosing among constructor overloads as javac would for the arguments'
 * runtime types: applicable by subtyping, boxing and primitive widening, then the most specific.
 */
public final class Constructors {

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(int.class, Integer.class, long.class, Long.class,
            double.class, Double.class, float.class, Float.class, boolean.class, Boolean.class, byte.class, Byte.class,
            short.class, Short.class, char.class, Character.class);
    private static final Map<Class<?>, List<Class<?>>> WIDENING = Map.of(
            short.class, List.of(byte.class), char.class, List.of(),
            int.class, List.of(byte.class, short.class, char.class),
            long.class, List.of(byte.class, short.class, char.class, int.class),
            float.class, List.of(byte.class, short.class, char.class, int.class, long.class),
            double.class, List.of(byte.class, short.class, char.class, int.class, long.class, float.class));

    private Constructors() {
    }

    /** Runs in the native twin: creates the object and makes sure it crosses back by reference. */
    public static Object newExported(String className, Object[] args) throws Exception {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> type = Class.forName(className, true, loader != null ? loader : Constructors.class.getClassLoader());
        Object created = newInstance(type, args);
        if (!ByReference.isByReference(created.getClass())) {
            ByReference.export(created.getClass());
        }
        return created;
    }

    public static <T> T newInstance(Class<T> type, Object[] args) {
        Constructor<?> constructor = choose(type, args);
        constructor.setAccessible(true);
        try {
            return type.cast(constructor.newInstance(args));
        } catch (InvocationTargetException e) {
            throw Sneaky.raise(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new TwinException("cannot create " + type.getName() + ": " + e, e);
        }
    }

    static Constructor<?> choose(Class<?> type, Object[] args) {
        List<Constructor<?>> applicable = new ArrayList<>();
        for (Constructor<?> candidate : type.getDeclaredConstructors()) {
            if (isApplicable(candidate.getParameterTypes(), args)) {
                applicable.add(candidate);
            }
        }
        List<Constructor<?>> best = new ArrayList<>();
        for (Constructor<?> candidate : applicable) {
            if (applicable.stream().allMatch(other -> other == candidate
                    || isMoreSpecific(candidate.getParameterTypes(), other.getParameterTypes()))) {
                best.add(candidate);
            }
        }
        if (best.size() != 1) {
            throw new TwinException((applicable.isEmpty() ? "no constructor of " : "ambiguous constructors of ")
                    + type.getName() + " for arguments " + describe(args) + "; it has "
                    + Arrays.stream(type.getDeclaredConstructors()).map(Constructor::toString)
                    .collect(Collectors.joining(", ")));
        }
        return best.get(0);
    }

    private static boolean isApplicable(Class<?>[] params, Object[] args) {
        if (params.length != args.length) {
            return false;
        }
        for (int i = 0; i < params.length; i++) {
            if (args[i] == null ? params[i].isPrimitive() : !accepts(params[i], args[i].getClass())) {
                return false;
            }
        }
        return true;
    }

    /** Whether a parameter of type {@code param} accepts an argument of runtime type {@code arg}. */
    private static boolean accepts(Class<?> param, Class<?> arg) {
        if (!param.isPrimitive()) {
            return param.isAssignableFrom(arg);
        }
        Class<?> primitive = unbox(arg);
        return primitive == param || primitive != null && WIDENING.getOrDefault(param, List.of()).contains(primitive);
    }

    private static boolean isMoreSpecific(Class<?>[] a, Class<?>[] b) {
        for (int i = 0; i < a.length; i++) {
            boolean assignable = a[i].isPrimitive() && b[i].isPrimitive()
                    ? a[i] == b[i] || WIDENING.getOrDefault(b[i], List.of()).contains(a[i])
                    : !a[i].isPrimitive() && !b[i].isPrimitive() ? b[i].isAssignableFrom(a[i]) : a[i].isPrimitive();
            if (!assignable) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> unbox(Class<?> type) {
        for (Map.Entry<Class<?>, Class<?>> box : BOXES.entrySet()) {
            if (box.getValue() == type) {
                return box.getKey();
            }
        }
        return null;
    }

    private static String describe(Object[] args) {
        return Arrays.stream(args).map(a -> a == null ? "null" : a.getClass().getSimpleName())
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
