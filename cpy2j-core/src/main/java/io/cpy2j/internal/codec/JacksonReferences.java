package io.cpy2j.internal.codec;

import io.cpy2j.internal.object.ByReference;
import io.cpy2j.internal.object.ObjectSpace;
import io.cpy2j.internal.object.RefDescriptor;
import io.cpy2j.internal.object.TwinProxy;
import io.cpy2j.internal.object.TypeDescriptor;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.WritableTypeId;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * Twin references inside Jackson values (a proxy in a list, a twin object in a record field). A
 * reference is written as {@code {"@cpy2jRef":ownedByReceiver,"id":..,"class":..,"interfaces":[..]}},
 * typed as the native twin class (or its first interface) so that it fits the declared type; the
 * receiver's deserializers for twin classes, interfaces and {@code Object} recognise it.
 */
final class JacksonReferences {

    /** The context attribute under which the connection's {@link ObjectSpace} travels. */
    static final Class<ObjectSpace> SPACE = ObjectSpace.class;
    private static final String MARKER = "@cpy2jRef";

    private JacksonReferences() {
    }

    /** Writes references; installed for every by-reference class. */
    static final class RefSerializer extends ValueSerializer<Object> {

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializationContext ctx) {
            gen.writeStartObject();
            writeFields(value, gen, ctx);
            gen.writeEndObject();
        }

        @Override
        public void serializeWithType(Object value, JsonGenerator gen, SerializationContext ctx, TypeSerializer typeSer) {
            WritableTypeId id = typeSer.writeTypePrefix(gen, ctx,
                    typeSer.typeId(value, typeIdClass(value), JsonToken.START_OBJECT));
            writeFields(value, gen, ctx);
            typeSer.writeTypeSuffix(gen, ctx, id);
        }

        private static void writeFields(Object value, JsonGenerator gen, SerializationContext ctx) {
            ObjectSpace space = (ObjectSpace) ctx.getAttribute(SPACE);
            if (space == null) {
                throw new JacksonValues.UnsendableValue("a twin reference cannot be written outside a call");
            }
            RefDescriptor ref = space.toRef(value);
            gen.writeBooleanProperty(MARKER, ref.ownedByReceiver());
            gen.writeNumberProperty("id", ref.id());
            gen.writeStringProperty("class", ref.type().className());
            gen.writeName("interfaces");
            gen.writeStartArray();
            for (String name : ref.type().interfaces()) {
                gen.writeString(name);
            }
            gen.writeEndArray();
        }

        /** The native class, so the type id fits wherever the proxy is declared; never the proxy class. */
        private static Class<?> typeIdClass(Object value) {
            Class<?> type = value.getClass();
            if (value instanceof TwinProxy proxy) {
                TypeDescriptor descriptor = proxy.cpy2jRemote().type();
                if (descriptor.className() != null && !java.lang.reflect.Proxy.isProxyClass(type)) {
                    return type.getSuperclass();
                }
                return firstInterface(type);
            }
            return ByReference.isTwinClass(type) && !type.isSynthetic() ? type : firstInterface(type);
        }

        private static Class<?> firstInterface(Class<?> type) {
            for (Class<?> i : type.getInterfaces()) {
                if (i != TwinProxy.class) {
                    return i;
                }
            }
            return Object.class;
        }
    }

    /** Wraps the deserializers of twin classes, interfaces, abstract classes and Object. */
    static final class Modifier extends ValueDeserializerModifier {
        private static final long serialVersionUID = 1L;

        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
                                                       ValueDeserializer<?> deserializer) {
            Class<?> type = bean.getBeanClass();
            boolean mayBeRef = type == Object.class || type.isInterface()
                    || java.lang.reflect.Modifier.isAbstract(type.getModifiers()) || ByReference.isTwinClass(type);
            return mayBeRef && !type.isPrimitive() && !type.isArray() ? new RefAware(deserializer) : deserializer;
        }
    }

    private static final class RefAware extends DelegatingDeserializer {

        RefAware(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new RefAware(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() == JsonToken.START_OBJECT) {
                String first = p.nextName();
                if (MARKER.equals(first)) {
                    return readRef(p, ctxt);
                }
            }
            return _delegatee.deserialize(p, ctxt);
        }

        private static Object readRef(JsonParser p, DeserializationContext ctxt) {
            p.nextToken();
            boolean ownedByReceiver = p.getBooleanValue();
            long id = 0;
            String className = null;
            List<String> interfaces = new ArrayList<>();
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                JsonToken token = p.nextToken();
                switch (name) {
                    case "id" -> id = p.getLongValue();
                    case "class" -> className = token == JsonToken.VALUE_NULL ? null : p.getString();
                    case "interfaces" -> {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            interfaces.add(p.getString());
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            ObjectSpace space = (ObjectSpace) ctxt.getAttribute(SPACE);
            return space == null ? null
                    : space.fromRef(new RefDescriptor(ownedByReceiver, id, new TypeDescriptor(className, interfaces)));
        }
    }
}
