package io.cpy2j.internal.codec;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.cpy2j.TwinSerializationException;
import io.cpy2j.internal.object.ByReference;
import io.cpy2j.internal.object.ObjectSpace;
import io.cpy2j.internal.object.Trust;
import io.cpy2j.internal.object.TrustBreach;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DatabindContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.DefaultTyping;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.TypeFactory;
import tools.jackson.databind.ser.ValueSerializerModifier;

/**
 * Data values through Jackson 3: records, POJOs (by their fields, like Java serialization would),
 * collections, maps, enums, {@code java.time}, {@code Optional}. Default typing keeps the concrete
 * types, so a {@code Long} in a {@code List<Object>} comes back a {@code Long}; {@link JacksonMapKeys}
 * does the same for map keys, which default typing leaves as strings.
 */
final class JacksonValues {

    /**
     * How deep JSON may nest. Default typing wraps every collection in a [type, value] array, so a list
     * costs two levels: Jackson's default of 500 let lists nest only 250 deep. Deeper still is refused
     * with a message rather than risk a stack overflow on a thread of ordinary size.
     */
    static final int MAX_NESTING = 2000;
    /** How many places of a path a refusal names, innermost first; the rest are counted, not listed. */
    private static final int PATH_PLACES = 6;

    /** Shared: building a mapper is costly, and its serializer caches are worth keeping. */
    private static final JsonMapper MAPPER = buildMapper();
    /**
     * How many type ids a restricted peer may make a mapper resolve: each is cached for the connection's
     * life (some kilobytes), so a peer naming ever new ones (nested generic lists) would fill the heap.
     */
    static final int MAX_TYPE_IDS = 1024;

    private final ObjectWriter writer;
    private final ObjectReader reader;

    /** @param space the connection's objects, for twin references inside values; {@code null} for none */
    JacksonValues(ObjectSpace space) {
        this.writer = MAPPER.writerFor(Object.class).withAttribute(JacksonReferences.SPACE, space);
        Trust trust = space == null ? Trust.FULL : space.trust();
        // A restricted peer gets a mapper of its own, dropped with its connection: a mapper caches the
        // deserializer of every type id it resolved and asks its validator only for new ones, so a type
        // once read from a trusted side (or in the local check of write) would pass unchecked.
        JsonMapper reading = trust.isRestricted()
                ? buildMapper(new TrustValidator(MAX_TYPE_IDS), new TrustedTypeFactory(trust)) : MAPPER;
        this.reader = reading.readerFor(Object.class).withAttribute(JacksonReferences.SPACE, space);
    }

    private static JsonMapper buildMapper() {
        return buildMapper(new TrustValidator(0), TypeFactory.createDefaultInstance());
    }

    private static JsonMapper buildMapper(TrustValidator validator, TypeFactory types) {
        SimpleModule module = new SimpleModule("cpy2j");
        module.setSerializerModifier(new ReferenceOrGuard());
        module.setDeserializerModifier(new JacksonReferences.Modifier());
        return JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                        .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                        .build())
                .changeDefaultVisibility(v -> v.withFieldVisibility(Visibility.ANY)
                        .withGetterVisibility(Visibility.NONE)
                        .withIsGetterVisibility(Visibility.NONE)
                        .withSetterVisibility(Visibility.NONE)
                        .withCreatorVisibility(Visibility.ANY))
                // A fully trusted peer is part of the same application, so any of its types may be named (the
                // JDK gadget classes Jackson knows about are still refused by Jackson's own deny list); a
                // restricted one only what its Trust allows, checked by name before the class is loaded.
                .typeFactory(types)
                .activateDefaultTyping(validator, DefaultTyping.NON_FINAL_AND_RECORDS,
                        JsonTypeInfo.As.WRAPPER_ARRAY)
                .enable(MapperFeature.PROPAGATE_TRANSIENT_MARKER)
                // A copy keeps its zone: no normalising of ZonedDateTime/OffsetDateTime to UTC.
                .enable(DateTimeFeature.WRITE_DATES_WITH_ZONE_ID)
                .disable(DateTimeFeature.WRITE_DATES_WITH_CONTEXT_TIME_ZONE)
                .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(module)
                .addModule(new JacksonMapKeys())
                .build();
    }

    /**
     * Encodes and, to fail in the sender rather than the receiver, decodes once locally: a type Jackson
     * can write but not rebuild (no usable constructor) is reported here, before anything is sent.
     */
    byte[] write(Object value, Supplier<String> where) {
        byte[] json;
        try {
            json = writer.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw cannotSend(value, where, e, "cannot be written");
        }
        try {
            MAPPER.readValue(json, Object.class); // without the object space: references read as null
        } catch (JacksonException e) {
            throw cannotSend(value, where, e, "cannot be rebuilt on the other side; give it a no-argument "
                    + "constructor or a @JsonCreator");
        }
        return json;
    }

    Object read(byte[] json) {
        return reader.readValue(json);
    }

    private static TwinSerializationException cannotSend(Object value, Supplier<String> where, JacksonException e,
                                                         String what) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root instanceof UnsendableValue u ? u.getMessage() : e.getOriginalMessage();
        return new TwinSerializationException("Cannot send " + where.get() + ": "
                + describePath(value, e.getPath()) + " " + what + ": " + reason, e);
    }

    /** "field owner of Order, element 3 of ArrayList" from Jackson's path, innermost first. */
    static String describePath(Object root, List<JacksonException.Reference> path) {
        StringBuilder text = new StringBuilder();
        int last = Math.max(0, path.size() - PATH_PLACES);
        for (int i = path.size() - 1; i >= last; i--) {
            JacksonException.Reference ref = path.get(i);
            Object from = JacksonMapKeys.ownerOf(ref.from());
            String owner = from instanceof Class<?> c ? c.getSimpleName()
                    : from == null ? "?" : from.getClass().getSimpleName();
            text.append(ref.getPropertyName() != null ? "field " + ref.getPropertyName() : "element " + ref.getIndex())
                    .append(" of ").append(owner).append(", ");
        }
        if (last > 0) {
            text.append("... (").append(last).append(" levels further out), ");
        }
        return text.append("the value of type ").append(root == null ? "null" : root.getClass().getName()).toString();
    }

    /** Allows the type ids the peer's {@link Trust} allows; the space of the message being read knows it. */
    private static final class TrustValidator extends PolymorphicTypeValidator.Base {
        private static final long serialVersionUID = 1L;
        /** How many new type ids this mapper may be asked about; zero for no limit. */
        private final int maxTypeIds;
        private final AtomicInteger asked = new AtomicInteger();

        TrustValidator(int maxTypeIds) {
            this.maxTypeIds = maxTypeIds;
        }

        @Override
        public Validity validateSubClassName(DatabindContext ctx, JavaType base, String className) {
            ObjectSpace space = (ObjectSpace) ctx.getAttribute(JacksonReferences.SPACE);
            Trust trust = space == null ? Trust.FULL : space.trust();
            try {
                if (maxTypeIds > 0 && asked.incrementAndGet() > maxTypeIds) {
                    throw trust.breach("it sent values of more than " + maxTypeIds + " distinct types");
                }
                trust.require(className, "a value");
                return Validity.ALLOWED;
            } catch (TrustBreach refused) {
                return Validity.DENIED; // the breach is reported; Jackson fails the read
            }
        }
    }

    /** Raised while writing a type {@link Sendability} refuses; carries the reason up through Jackson. */
    static final class UnsendableValue extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsendableValue(String message) {
            super(message, null, false, false);
        }
    }

    /** Twin references are written as references; what cannot be sent is refused with the reason. */
    private static final class ReferenceOrGuard extends ValueSerializerModifier {
        private static final long serialVersionUID = 1L;

        @Override
        public ValueSerializer<?> modifySerializer(SerializationConfig config, BeanDescription.Supplier bean,
                                                   ValueSerializer<?> serializer) {
            Class<?> type = bean.getBeanClass();
            if (ByReference.isByReference(type)) {
                return new JacksonReferences.RefSerializer();
            }
            String why = Sendability.isLambda(type)
                    ? "a lambda nested inside a value; pass it as a direct argument instead"
                    : Sendability.whyNot(type);
            return why == null ? serializer : new Refusing(type, why);
        }
    }

    private static final class Refusing extends ValueSerializer<Object> {
        private final Class<?> type;
        private final String why;

        Refusing(Class<?> type, String why) {
            this.type = type;
            this.why = why;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializationContext ctx) {
            throw new UnsendableValue(type.getName() + " is " + why);
        }

        @Override
        public void serializeWithType(Object value, JsonGenerator gen, SerializationContext ctx,
                                      tools.jackson.databind.jsontype.TypeSerializer typeSer) {
            serialize(value, gen, ctx);
        }
    }
}
