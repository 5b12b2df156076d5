package io.cpy2j.internal.object;

import io.cpy2j.Twin;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that decides what crosses by reference: instances of twin classes ({@link Twin}),
 * of classes exported with {@code Twins.export}, and cpy2j's own proxies. Everything else is copied.
 */
public final class ByReference {

    /** Exported classes and the interfaces their proxies get. */
    private static final ConcurrentHashMap<Class<?>, List<Class<?>>> EXPORTED = new ConcurrentHashMap<>();

    private static final ClassValue<TypeDescriptor> DESCRIPTORS = new ClassValue<>() {
        @Override
        protected TypeDescriptor computeValue(Class<?> type) {
            return describe(type);
        }
    };

    private ByReference() {
    }

    public static boolean isByReference(Class<?> type) {
        return TwinProxy.class.isAssignableFrom(type) || isTwinClass(type) || EXPORTED.containsKey(type);
    }

    public static boolean isTwinClass(Class<?> type) {
        return type.isAnnotationPresent(Twin.class);
    }

    /** The twin a class is pinned to, or {@code null}. */
    public static String twinIdOf(Class<?> type) {
        Twin twin = type.getAnnotation(Twin.class);
        return twin == null ? null : twin.value();
    }

    /** Makes every instance of {@code type} cross by reference, proxied by {@code interfaces} (all if none). */
    public static void export(Class<?> type, Class<?>... interfaces) {
        for (Class<?> contract : interfaces) {
            if (!contract.isInterface() || !contract.isAssignableFrom(type)) {
                throw new IllegalArgumentException(contract.getName() + " is not an interface that "
                        + type.getName() + " implements");
            }
        }
        EXPORTED.putIfAbsent(type, List.of(interfaces));
    }

    /**
     * Like {@link #export}, declared up front for a class rather than found from an instance, so only
     * a class that can have instances of its own makes sense: an interface or abstract class would
     * silently match nothing (subclasses are not covered).
     */
    public static void exportType(Class<?> type, Class<?>... interfaces) {
        if (type.isInterface() || type.isArray() || type.isPrimitive() || Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException(type.getName() + " has no instances of its own: export the class "
                    + "of the objects that should cross by reference (exactly that class; subclasses are not covered)");
        }
        export(type, interfaces);
    }

    public static TypeDescriptor descriptor(Class<?> nativeType) {
        return DESCRIPTORS.get(nativeType);
    }

    private static TypeDescriptor describe(Class<?> type) {
        List<String> names = new ArrayList<>();
        interfaces(type).forEach(i -> names.add(i.getName()));
        return new TypeDescriptor(crossesAsClass(type) ? type.getName() : null, names);
    }

    /**
     * The types an object of {@code type} is seen as by the peer: its interfaces (those it was exported
     * with, if any), and its class too when the peer gets a class proxy. Their public methods are what
     * the peer's proxy can call.
     */
    static List<Class<?>> seenAs(Class<?> type) {
        List<Class<?>> types = new ArrayList<>(interfaces(type));
        if (crossesAsClass(type)) {
            types.add(type);
        }
        return types;
    }

    private static Set<Class<?>> interfaces(Class<?> type) {
        List<Class<?>> exported = EXPORTED.get(type);
        Set<Class<?>> interfaces = new LinkedHashSet<>(exported == null || exported.isEmpty()
                ? allInterfaces(type) : exported);
        interfaces.remove(TwinProxy.class);
        return interfaces;
    }

    private static boolean crossesAsClass(Class<?> type) {
        List<Class<?>> exported = EXPORTED.get(type);
        return !type.isSynthetic() && !Proxy.isProxyClass(type) && !Modifier.isFinal(type.getModifiers())
               && (exported == null || exported.isEmpty() || isTwinClass(type));
    }

    private static Set<Class<?>> allInterfaces(Class<?> type) {
        Set<Class<?>> found = new LinkedHashSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            found.addAll(List.of(c.getInterfaces()));
        }
        return found;
    }
}
