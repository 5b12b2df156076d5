package io.cpy2j.hostile;

import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where the gadgets of a hostile twin record that they were loaded: each sets {@link #LOADED} in its
 * static initializer, so the master's test can tell whether any of them was ever loaded there.
 */
public final class GadgetLog {

    public static final AtomicBoolean LOADED = new AtomicBoolean();
    /** Set by a function of the twin's if it ever runs in the master. */
    public static final AtomicBoolean RAN_IN_MASTER = new AtomicBoolean();

    private GadgetLog() {
    }

    /**
     * Whether the class was loaded in this JVM at all (not only initialised) by its class loader; needs
     * {@code --add-opens java.base/java.lang=ALL-UNNAMED}, which the core's test configuration gives.
     */
    public static boolean loaded(String className) {
        try {
            Method findLoadedClass = ClassLoader.class.getDeclaredMethod("findLoadedClass", String.class);
            findLoadedClass.setAccessible(true);
            return findLoadedClass.invoke(GadgetLog.class.getClassLoader(), className) != null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot ask the class loader what it loaded (run with --add-opens "
                    + "java.base/java.lang=ALL-UNNAMED): " + e, e);
        }
    }
}
