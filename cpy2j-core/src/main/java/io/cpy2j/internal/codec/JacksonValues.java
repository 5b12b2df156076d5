package io.cpy2j.internal.codec;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.cpy2j.TwinSerializationException;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DefaultTyping;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.ValueSerializerModifier;

/**
 * Data values through Jackson 3: records, POJOs (by their fields, like Java serialization would),
 * collections, maps, enums, {@code java.time}, {@code Optional}. Default typing keeps the concrete
 * types, so a {@code Long} in a {@code List<Object>} comes back a {@code Long}.
 */
final class JacksonValues {

    private final JsonMapper mapper;

    JacksonValues() {
        SimpleModule guards = new SimpleModule("cpy2j-sendability");
        guards.setSerializerModifier(new UnsendableGuard());
        this.mapper = JsonMapper.builder()
                .changeDefaultVisibility(v -> v.withFieldVisibility(Visibility.ANY)
                        .withGetterVisibility(Visibility.NONE)
                        .withIsGetterVisibility(Visibility.NONE)
                        .withSetterVisibility(Visibility.NONE)
                        .withCreatorVisibility(Visibility.ANY))
                // The channel connects two runtimes of the same application, so any of its types may be named;
                // the JDK gadget classes Jackson knows about are still refused by Jackson's own deny list.
                .activateDefaultTyping(BasicPolymorphicTypeValidator.builder().allowIfSubType(Object.class).build(),
                        DefaultTyping.NON_FINAL_AND_RECORDS, JsonTypeInfo.As.WRAPPER_ARRAY)
                .enable(MapperFeature.PROPAGATE_TRANSIENT_MARKER)
                // A copy keeps its zone: no normalising of ZonedDateTime/OffsetDateTime to UTC.
                .enable(DateTimeFeature.WRITE_DATES_WITH_ZONE_ID)
                .disable(DateTimeFeature.WRITE_DATES_WITH_CONTEXT_TIME_ZONE)
                .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(guards)
                .build();
    }

    /**
     * Encodes and, to fail in the sender rather than the receiver, decodes once locally: a type Jackson
     * can write but not rebuild (no usable constructor) is reported here, before anything is sent.
     */
    byte[] write(Object value, Supplier<String> where) {
        byte[] json;
        try {
            json = mapper.writerFor(Object.class).writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw cannotSend(value, where, e, "cannot be written");
        }
        try {
            mapper.readValue(json, Object.class);
        } catch (JacksonException e) {
            throw cannotSend(value, where, e, "cannot be rebuilt on the other side; give it a no-argument "
                    + "constructor or a @JsonCreator");
        }
        return json;
    }

    Object read(byte[] json) {
        return mapper.readValue(json, Object.class);
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
        for (int i = path.size() - 1; i >= 0; i--) {
            JacksonException.Reference ref = path.get(i);
            String owner = ref.from() instanceof Class<?> c ? c.getSimpleName()
                    : ref.from() == null ? "?" : ref.from().getClass().getSimpleName();
            text.append(ref.getPropertyName() != null ? "field " + ref.getPropertyName() : "element " + ref.getIndex())
                    .append(" of ").append(owner).append(", ");
        }
        return text.append("the value of type ").append(root == null ? "null" : root.getClass().getName()).toString();
    }

    /** Raised while writing a type {@link Sendability} refuses; carries the reason up through Jackson. */
    static final class UnsendableValue extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsendableValue(String message) {
            super(message, null, false, false);
        }
    }

    private static final class UnsendableGuard extends ValueSerializerModifier {
        private static final long serialVersionUID = 1L;

        @Override
        public ValueSerializer<?> modifySerializer(SerializationConfig config, BeanDescription.Supplier bean,
                                                   ValueSerializer<?> serializer) {
            Class<?> type = bean.getBeanClass();
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
