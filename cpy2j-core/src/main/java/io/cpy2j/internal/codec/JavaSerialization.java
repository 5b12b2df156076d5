package io.cpy2j.internal.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.Set;

/**
 * Java serialization for exceptions, the one thing neither Jackson nor the value tags can carry
 * faithfully (stack traces, causes, suppressed exceptions, subclass fields). Reading is restricted by
 * an {@link ObjectInputFilter} so that only exceptions, plain JDK values and the application's own
 * classes can be rebuilt, never an arbitrary JDK gadget class.
 */
final class JavaSerialization {

    private static final ObjectInputFilter FILTER = JavaSerialization::check;
    private static final long MAX_DEPTH = 200;

    private JavaSerialization() {
    }

    static byte[] write(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    static Object read(byte[] data) throws IOException, ClassNotFoundException {
        return read(new ContextClassLoaderInputStream(new ByteArrayInputStream(data)), data.length);
    }

    /**
     * Reads a chain of {@link io.cpy2j.RemoteTwinException} stand-ins and nothing else: every class the
     * stream names is checked by name before it is loaded, for peers that may not name classes.
     */
    static Object readStandIn(byte[] data) throws IOException, ClassNotFoundException {
        return read(new StandInInputStream(new ByteArrayInputStream(data)), data.length);
    }

    private static Object read(ObjectInputStream stream, int length) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = stream) {
            // No array may claim more elements than the stream has bytes: each takes at least one.
            long limit = length;
            in.setObjectInputFilter(info -> info.arrayLength() > limit ? ObjectInputFilter.Status.REJECTED
                    : FILTER.checkInput(info));
            return in.readObject();
        } catch (RuntimeException e) {
            // A corrupt stream makes ObjectInputStream throw almost anything (ArrayStoreException,
            // IllegalArgumentException...): to the caller it is one thing, an unreadable exception.
            throw new IOException("corrupt serialized exception: " + e, e);
        }
    }

    private static ObjectInputFilter.Status check(ObjectInputFilter.FilterInfo info) {
        if (info.depth() > MAX_DEPTH) {
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        while (type.isArray()) {
            type = type.getComponentType();
        }
        return isAllowed(type) ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    }

    private static boolean isAllowed(Class<?> type) {
        if (type.isPrimitive() || Throwable.class.isAssignableFrom(type)) {
            return true;
        }
        String name = type.getName();
        if (type.getClassLoader() != null && type.getClassLoader() != ClassLoader.getPlatformClassLoader()) {
            return true; // the application's own classes: the same code runs on both sides
        }
        return name.startsWith("java.lang.") && name.indexOf('.', 10) < 0
               || name.startsWith("java.util.")
               || name.startsWith("java.time.")
               || name.startsWith("java.math.");
    }

    /** Resolves only the classes a stand-in chain is made of, by name, before anything is loaded. */
    private static final class StandInInputStream extends ObjectInputStream {

        private static final Set<String> STAND_IN_CLASSES = Set.of("io.cpy2j.RemoteTwinException",
                "io.cpy2j.TwinException", "java.lang.RuntimeException", "java.lang.Exception", "java.lang.Throwable",
                "java.lang.StackTraceElement", "[Ljava.lang.StackTraceElement;", "java.lang.String",
                "java.util.ArrayList", "java.util.Collections$EmptyList", "java.util.Collections$UnmodifiableList",
                "java.util.Collections$UnmodifiableRandomAccessList", "java.util.Collections$UnmodifiableCollection",
                "[Ljava.lang.Throwable;");

        StandInInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            if (!STAND_IN_CLASSES.contains(desc.getName())) {
                throw new InvalidClassException(desc.getName(), "not part of an exception's stand-in");
            }
            return super.resolveClass(desc);
        }

        @Override
        protected Class<?> resolveProxyClass(String[] interfaces) throws IOException {
            throw new InvalidClassException("a proxy class is not part of an exception's stand-in");
        }
    }

    /** Resolves classes through the context class loader, which is the app's loader in a fat jar too. */
    private static final class ContextClassLoaderInputStream extends ObjectInputStream {

        ContextClassLoaderInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader == null) {
                return super.resolveClass(desc);
            }
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
