package io.cpy2j.internal.object;

import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.isEquals;
import static net.bytebuddy.matcher.ElementMatchers.isHashCode;
import static net.bytebuddy.matcher.ElementMatchers.isToString;
import static net.bytebuddy.matcher.ElementMatchers.not;

import io.cpy2j.LocalMethod;
import io.cpy2j.TwinException;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.dynamic.scaffold.subclass.ConstructorStrategy;
import net.bytebuddy.implementation.InvocationHandlerAdapter;
import sun.reflect.ReflectionFactory;

/**
 * Makes proxies: a ByteBuddy subclass when the native class can be loaded and subclassed here (so the
 * proxy can stand wherever the class is expected), else a JDK proxy of its interfaces. A subclass proxy
 * is created without running any constructor of the real class. A caller that asked for an interface
 * view gets a JDK proxy of that interface only: the native class is then not even loaded here.
 */
final class ProxyFactory {

    private static final String FIELD = "cpy2j$remote";
    private static final int MAX_RESTRICTED_INTERFACES = 16;

    private static final ClassValue<ClassProxy> CLASS_PROXIES = new ClassValue<>() {
        @Override
        protected ClassProxy computeValue(Class<?> type) {
            return ClassProxy.generate(type);
        }
    };

    private ProxyFactory() {
    }

    /**
     * @param view  the interface or class the caller asked for, or {@code null} to let the descriptor decide
     * @param trust which of the classes the descriptor names may be loaded here; a proxy of the others is
     *              made without them (a restricted twin's own classes stay unknown unless trusted)
     */
    static Object create(TypeDescriptor type, RemoteObject remote, Class<?> view, Trust trust) {
        if (view != null && view.isInterface()) {
            return jdkProxy(List.of(view), remote);
        }
        if (view != null && canSubclass(view)) {
            return CLASS_PROXIES.get(view).instantiate(remote); // the caller's own class: nothing loaded by name
        }
        Class<?> nativeClass = type.className() == null ? null : load(type.className(), trust);
        if (nativeClass != null && canSubclass(nativeClass)) {
            try {
                return CLASS_PROXIES.get(nativeClass).instantiate(remote);
            } catch (RuntimeException | LinkageError e) {
                // a class ByteBuddy cannot subclass here: its interfaces still make a working proxy
            }
        }
        return interfaceProxy(type, remote, trust);
    }

    private static Object interfaceProxy(TypeDescriptor type, RemoteObject remote, Trust trust) {
        List<Class<?>> interfaces = new ArrayList<>();
        // Each distinct list of interfaces makes a proxy class, kept for good: a restricted peer gets few.
        List<String> names = trust.isRestricted()
                ? type.interfaces().stream().sorted().distinct().limit(MAX_RESTRICTED_INTERFACES).toList()
                : type.interfaces();
        for (String name : names) {
            Class<?> loaded = load(name, trust);
            if (loaded != null && loaded.isInterface()) {
                interfaces.add(loaded);
            }
        }
        trust.requireProxyShape(interfaces);
        return jdkProxy(interfaces, remote);
    }

    /**
     * A proxy of {@code view} (a JDK proxy of an interface, a subclass proxy of a class) whose every call,
     * {@link TwinProxy#cpy2jRemote()} included, goes to {@code handler}.
     */
    static Object proxyFor(Class<?> view, InvocationHandler handler) {
        if (view.isInterface()) {
            return jdkProxy(List.of(view), handler);
        }
        if (!canSubclass(view)) {
            throw new IllegalArgumentException(view.getName() + " cannot be subclassed (final, sealed, or not "
                    + "static): ask for an interface it implements instead");
        }
        return CLASS_PROXIES.get(view).instantiate(handler);
    }

    private static Object jdkProxy(List<Class<?>> interfaces, InvocationHandler remote) {
        List<Class<?>> all = new ArrayList<>(interfaces);
        all.add(TwinProxy.class);
        ClassLoader loader = all.get(0).getClassLoader();
        if (loader == null) {
            loader = ProxyFactory.class.getClassLoader(); // a JDK interface: ours also sees TwinProxy
        }
        return Proxy.newProxyInstance(loader, all.toArray(Class<?>[]::new), remote);
    }

    private static boolean canSubclass(Class<?> type) {
        int modifiers = type.getModifiers();
        return !type.isInterface() && !type.isArray() && !type.isPrimitive() && !Modifier.isFinal(modifiers)
               && !type.isSealed()
               && !type.isSynthetic() && !type.isAnonymousClass() && (type.getEnclosingClass() == null
               || Modifier.isStatic(modifiers));
    }

    private static Class<?> load(String name, Trust trust) {
        if (!trust.isOfTrustedPackage(name)) { // a JDK value type's interfaces make no proxy worth having
            return null; // never loaded: as if it were not on this side's classpath
        }
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return Class.forName(name, false, loader != null ? loader : ProxyFactory.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null; // not on this side's classpath: the interfaces have to do
        }
    }

    /** A generated subclass and how to make instances of it without a constructor call. */
    private record ClassProxy(Constructor<?> allocator, Field remote) {

        static ClassProxy generate(Class<?> type) {
            Class<?> proxyClass = new ByteBuddy()
                    .subclass(type, ConstructorStrategy.Default.NO_CONSTRUCTORS)
                    .name(type.getName() + "$Cpy2jProxy")
                    .implement(TwinProxy.class)
                    // Any handler: a RemoteObject for a plain proxy, a Recreatable for one that outlives restarts.
                    .defineField(FIELD, InvocationHandler.class, Visibility.PUBLIC)
                    .method(not(isAnnotatedWith(LocalMethod.class))
                            .and(not(isDeclaredBy(Object.class)).or(isEquals()).or(isHashCode()).or(isToString())))
                    .intercept(InvocationHandlerAdapter.toField(FIELD))
                    .make()
                    .load(type.getClassLoader(), loadingStrategy(type))
                    .getLoaded();
            try {
                Constructor<?> allocator = ReflectionFactory.getReflectionFactory()
                        .newConstructorForSerialization(proxyClass, Object.class.getDeclaredConstructor());
                return new ClassProxy(allocator, proxyClass.getField(FIELD));
            } catch (ReflectiveOperationException e) {
                throw new TwinException("cannot make a proxy class for " + type.getName() + ": " + e, e);
            }
        }

        /** In the class's own package, so package-private methods are proxied too. */
        private static ClassLoadingStrategy<ClassLoader> loadingStrategy(Class<?> type) {
            try {
                return ClassLoadingStrategy.UsingLookup.of(MethodHandles.privateLookupIn(type, MethodHandles.lookup()));
            } catch (IllegalAccessException | RuntimeException e) {
                return ClassLoadingStrategy.Default.INJECTION;
            }
        }

        Object instantiate(InvocationHandler handler) {
            try {
                Object proxy = allocator.newInstance();
                remote.set(proxy, handler);
                return proxy;
            } catch (ReflectiveOperationException e) {
                throw new TwinException("cannot make a proxy of " + handler + ": " + e, e);
            }
        }
    }
}
