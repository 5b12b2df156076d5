package io.cpy2j.internal.codec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.Version;
import tools.jackson.core.type.WritableTypeId;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.deser.KeyDeserializers;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.ser.ValueSerializerModifier;
import tools.jackson.databind.ser.jdk.MapSerializer;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.databind.type.MapType;

/**
 * Map keys that keep their type. JSON names are strings, and default typing types values, not names:
 * written as plain JSON, a {@code Map<Integer, Point>} read back as an {@code Object} has String keys.
 *
 * <p>A map whose keys are all Strings is written as before: {@code ["java.util.HashMap",{"k":v}]}. Any
 * other map is written as its keys, each typed like an element of a {@code List<Object>}, and then its
 * entries under placeholder names ({@code "\u0000"} and the key's index):
 * {@code ["java.util.TreeMap",[[1,["java.lang.Long",2]],{"\u00000":v0,"\u00001":v1}]]}. The receiver reads
 * the keys first, and its key deserializer turns each placeholder back into its key, so Jackson itself
 * still builds the map of the class the type id names (TreeMap, LinkedHashMap in order, EnumMap, an
 * immutable map) and reads the values with their declared types, exactly as for String keys. A String
 * key that starts with the placeholder character sends its map the second way, so a placeholder is never
 * mistaken for a real key.
 */
final class JacksonMapKeys extends JacksonModule {

    private static final char PLACEHOLDER = '\u0000';
    /** The context attribute holding the keys of the map being read, innermost map first. */
    private static final Object KEYS = new Object();

    @Override
    public String getModuleName() {
        return "cpy2j-map-keys";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addSerializerModifier(new ValueSerializerModifier() {
            private static final long serialVersionUID = 1L;

            @Override
            public ValueSerializer<?> modifyMapSerializer(SerializationConfig config, MapType type,
                                                          BeanDescription.Supplier bean, ValueSerializer<?> serializer) {
                return new TypedKeysSerializer(type, serializer, null);
            }
        });
        context.addDeserializerModifier(new ValueDeserializerModifier() {
            private static final long serialVersionUID = 1L;

            @Override
            public ValueDeserializer<?> modifyMapDeserializer(DeserializationConfig config, MapType type,
                                                              BeanDescription.Supplier bean,
                                                              ValueDeserializer<?> deserializer) {
                return new TypedKeysDeserializer(deserializer);
            }
        });
        context.addKeyDeserializers(new PlaceholderKeys.Finder());
    }

    /** Whether a map must be sent with its keys in front: any key that is not a String says so. */
    static boolean needsTypedKeys(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String name) || !name.isEmpty() && name.charAt(0) == PLACEHOLDER) {
                return true;
            }
        }
        return false;
    }

    /** Jackson's own map serializer for maps of String keys; keys in front and placeholders for the others. */
    static final class TypedKeysSerializer extends StdSerializer<Object> {
        private final MapType type;
        private final ValueSerializer<Object> plain;
        /** Jackson's map serializer with the placeholder names; made when contextualised. */
        private final ValueSerializer<Object> entries;

        @SuppressWarnings("unchecked")
        TypedKeysSerializer(MapType type, ValueSerializer<?> plain, ValueSerializer<?> entries) {
            super(type);
            this.type = type;
            this.plain = (ValueSerializer<Object>) plain;
            this.entries = (ValueSerializer<Object>) entries;
        }

        @Override
        public ValueSerializer<?> createContextual(SerializationContext ctx, BeanProperty property) {
            return new TypedKeysSerializer(type, plain.createContextual(ctx, property), entriesFor(ctx, property));
        }

        /** Values are written by Jackson's own map serializer, so they keep their declared types. */
        private ValueSerializer<?> entriesFor(SerializationContext ctx, BeanProperty property) {
            TypeSerializer valueTyping = ctx.findTypeSerializer(type.getContentType());
            return MapSerializer.construct(type, false, valueTyping, PlaceholderNames.INSTANCE, null, null, null, null)
                    .createContextual(ctx, property);
        }

        @Override
        public boolean isEmpty(SerializationContext ctx, Object value) {
            return plain.isEmpty(ctx, value);
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializationContext ctx) {
            Map<?, ?> map = (Map<?, ?>) value;
            if (!needsTypedKeys(map)) {
                plain.serialize(value, gen, ctx);
                return;
            }
            gen.writeStartArray();
            writeKeysAndEntries(map, gen, ctx);
            gen.writeEndArray();
        }

        @Override
        public void serializeWithType(Object value, JsonGenerator gen, SerializationContext ctx, TypeSerializer typeSer) {
            Map<?, ?> map = (Map<?, ?>) value;
            if (!needsTypedKeys(map)) {
                plain.serializeWithType(value, gen, ctx, typeSer);
                return;
            }
            WritableTypeId typeId = typeSer.writeTypePrefix(gen, ctx, typeSer.typeId(value, JsonToken.START_ARRAY));
            writeKeysAndEntries(map, gen, ctx);
            typeSer.writeTypeSuffix(gen, ctx, typeId);
        }

        private void writeKeysAndEntries(Map<?, ?> map, JsonGenerator gen, SerializationContext ctx) {
            Slots slots = new Slots(map);
            TypeSerializer anyTyping = ctx.findTypeSerializer(ctx.constructType(Object.class));
            gen.writeStartArray();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Slot slot = new Slot(slots.size(), entry.getKey());
                writeKey(map, slot, gen, ctx, anyTyping);
                slots.put(slot, entry.getValue());
            }
            gen.writeEndArray();
            ValueSerializer<Object> named = entries != null ? entries : asObject(entriesFor(ctx, null));
            named.serialize(slots, gen, ctx);
        }

        /** A key is written as a list element of type Object would be: with its type where JSON loses it. */
        private void writeKey(Map<?, ?> map, Slot slot, JsonGenerator gen, SerializationContext ctx,
                              TypeSerializer anyTyping) {
            Object key = slot.key;
            if (key == null) {
                gen.writeNull();
                return;
            }
            try {
                ValueSerializer<Object> serializer = ctx.findContentValueSerializer(key.getClass(), null);
                if (anyTyping == null) {
                    serializer.serialize(key, gen, ctx);
                } else {
                    serializer.serializeWithType(key, gen, ctx, anyTyping);
                }
            } catch (RuntimeException e) {
                wrapAndThrow(ctx, e, map, "key " + slot);
            }
        }

        @SuppressWarnings("unchecked")
        private static ValueSerializer<Object> asObject(ValueSerializer<?> serializer) {
            return (ValueSerializer<Object>) serializer;
        }
    }

    /** The entries of a map by position, in its order; an error path names the map it stands for. */
    private static final class Slots extends LinkedHashMap<Slot, Object> {
        private static final long serialVersionUID = 1L;
        private final transient Map<?, ?> original;

        Slots(Map<?, ?> original) {
            super(original.size() * 4 / 3 + 1);
            this.original = original;
        }
    }

    /** What an error path should name for {@code owner}: the map itself rather than its entries by position. */
    static Object ownerOf(Object owner) {
        return owner instanceof Slots slots ? slots.original : owner;
    }

    /**
     * An entry's position, standing in for its key. Compared by identity: a key's own {@code hashCode} may
     * be a call to another runtime (a proxy) and is not needed here. Its text is the key's, for error paths.
     */
    private static final class Slot {
        final int index;
        final Object key;

        Slot(int index, Object key) {
            this.index = index;
            this.key = key;
        }

        @Override
        public String toString() {
            return String.valueOf(key);
        }
    }

    /** Writes a slot as its placeholder name. */
    private static final class PlaceholderNames extends StdSerializer<Object> {
        static final PlaceholderNames INSTANCE = new PlaceholderNames();

        private PlaceholderNames() {
            super(Object.class);
        }

        @Override
        public void serialize(Object slot, JsonGenerator gen, SerializationContext ctx) {
            gen.writeName(PLACEHOLDER + Integer.toString(((Slot) slot).index));
        }
    }

    /** Reads the keys in front, then lets Jackson's own deserializer build the map from the entries. */
    static final class TypedKeysDeserializer extends DelegatingDeserializer {

        TypedKeysDeserializer(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new TypedKeysDeserializer(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                return _delegatee.deserialize(p, ctxt);
            }
            List<Object> keys = readKeys(p, ctxt);
            expect(p.nextToken(), JsonToken.START_OBJECT, ctxt);
            Object outer = ctxt.getAttribute(KEYS);
            ctxt.setAttribute(KEYS, keys);
            Object map;
            try {
                map = _delegatee.deserialize(p, ctxt);
            } finally {
                ctxt.setAttribute(KEYS, outer); // the keys of an enclosing map being read
            }
            expect(p.nextToken(), JsonToken.END_ARRAY, ctxt);
            return map;
        }

        private List<Object> readKeys(JsonParser p, DeserializationContext ctxt) {
            expect(p.nextToken(), JsonToken.START_ARRAY, ctxt);
            List<Object> keys = new ArrayList<>();
            for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
                keys.add(token == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, Object.class));
            }
            return keys;
        }

        private void expect(JsonToken token, JsonToken expected, DeserializationContext ctxt) {
            if (token != expected) {
                ctxt.reportInputMismatch(this, "a map with typed keys has %s where %s belongs", token, expected);
            }
        }
    }

    /**
     * Turns placeholder names back into the keys read in front of their map. Installed for every key type:
     * a type a String can be passes other names on as they are (the map had String keys only); any other
     * type never has a plain name, because such a map is always written with its keys in front.
     */
    static final class PlaceholderKeys extends KeyDeserializer {
        private final Class<?> keyType;

        PlaceholderKeys(Class<?> keyType) {
            this.keyType = keyType;
        }

        @Override
        public Object deserializeKey(String name, DeserializationContext ctxt) {
            if (!name.isEmpty() && name.charAt(0) == PLACEHOLDER && ctxt.getAttribute(KEYS) instanceof List<?> keys) {
                return keys.get(Integer.parseInt(name, 1, name.length(), 10));
            }
            if (keyType.isAssignableFrom(String.class)) {
                return name;
            }
            return ctxt.handleWeirdKey(keyType, name, "a map key of this type is always sent typed, never as a name");
        }

        static final class Finder implements KeyDeserializers {
            @Override
            public KeyDeserializer findKeyDeserializer(JavaType type, DeserializationConfig config,
                                                       BeanDescription.Supplier bean) {
                return new PlaceholderKeys(type.getRawClass());
            }
        }
    }
}
