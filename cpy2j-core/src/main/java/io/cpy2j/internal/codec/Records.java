package io.cpy2j.internal.codec;

import io.cpy2j.TwinException;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records without a generic tree: the class name, then each component as a value of its own. The
 * accessors and the canonical constructor are looked up once per record class.
 */
final class Records {

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };
    private static final Map<String, Class<?>> CLASSES = new ConcurrentHashMap<>();

    private Records() {
    }

    record Shape(RecordComponent[] components, Constructor<?> constructor) {

        static Shape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                components[i].getAccessor().setAccessible(true);
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return new Shape(components, constructor);
            } catch (NoSuchMethodException e) {
                throw new TwinException("record " + type.getName() + " has no canonical constructor", e);
            }
        }

        Object component(Object record, int index) {
            try {
                return components[index].getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new TwinException("cannot read component " + components[index].getName() + " of "
                        + record.getClass().getName() + ": " + e, e);
            }
        }

        Object create(Object[] values) throws IOException {
            try {
                return constructor.newInstance(values);
            } catch (InvocationTargetException e) {
                throw new IOException("the constructor of " + constructor.getDeclaringClass().getName()
                        + " refused the values: " + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                throw new IOException("cannot rebuild " + constructor.getDeclaringClass().getName() + ": " + e, e);
            }
        }
    }

    static Shape shape(Class<?> recordType) {
        return SHAPES.get(recordType);
    }

    /** The record class named by the peer; only records are ever loaded this way. */
    static Class<?> load(String name) throws IOException {
        Class<?> type = CLASSES.get(name);
        if (type == null) {
            try {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                type = Class.forName(name, false, loader != null ? loader : Records.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IOException("record class " + name + " is not on this runtime's classpath", e);
            }
            if (!type.isRecord()) {
                throw new IOException(name + " is not a record");
            }
            CLASSES.put(name, type);
        }
        return type;
    }
}
