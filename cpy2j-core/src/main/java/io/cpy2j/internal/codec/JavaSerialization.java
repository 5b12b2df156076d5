package io.cpy2j.internal.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

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
        try (ObjectInputStream in = new ContextClassLoaderInputStream(new ByteArrayInputStream(data))) {
            // No array may claim more elements than the stream has bytes: each takes at least one.
            long limit = data.length;
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
