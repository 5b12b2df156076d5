package io.cpy2j.internal.codec;

import io.cpy2j.TwinSerializationException;
import io.cpy2j.internal.object.ByReference;
import io.cpy2j.internal.object.ObjectSpace;
import io.cpy2j.internal.object.RefDescriptor;
import io.cpy2j.internal.object.Trust;
import io.cpy2j.internal.object.TypeDescriptor;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The default {@link Codec}: a one-byte tag, then small values written directly (numbers, strings,
 * byte arrays need no generic tree), records component by component, data through {@link JacksonValues},
 * serializable lambdas through {@link LambdaCodec}, and exceptions through {@link ThrowableCodec}.
 */
public final class StandardCodec implements Codec {

    /**
     * How deep optionals, records and lambdas may nest in a value read: each level is a frame of this
     * thread's stack, and a peer that nests them thousands deep must get a decoding error, not a
     * StackOverflowError (which can strike in any class's static initialiser and break it for good).
     * JSON values have Jackson's own nesting limit.
     */
    static final int MAX_DEPTH = 512;

    private final ObjectSpace space;
    /** What the peer may name: every class name read from a message passes here before it is loaded. */
    private final Trust trust;
    /** Made on first use: Jackson is the heaviest thing to load, and a twin's start-up should not wait for it. */
    private volatile JacksonValues jackson;
    private final ThrowableCodec throwables = new ThrowableCodec();
    private final FunctionCache functions;

    /** @param space the connection's shared objects; {@code null} where no references may cross */
    public StandardCodec(ObjectSpace space) {
        this.space = space;
        this.trust = space == null ? Trust.FULL : space.trust();
        this.functions = new FunctionCache(trust);
    }

    private JacksonValues jackson() {
        JacksonValues values = jackson;
        if (values == null) {
            synchronized (this) {
                values = jackson;
                if (values == null) {
                    values = new JacksonValues(space);
                    jackson = values;
                }
            }
        }
        return values;
    }

    @Override
    public void writeValue(DataOutput out, Object value, Supplier<String> where) throws IOException {
        write(out, value, where, 0);
    }

    private void write(DataOutput out, Object value, Supplier<String> where, int depth) throws IOException {
        if (value == null) {
            out.writeByte(Tag.NULL);
        } else if (!writeScalar(out, value)) {
            writeComposite(out, value, where, depth);
        }
    }

    private static boolean writeScalar(DataOutput out, Object value) throws IOException {
        if (value instanceof String s) {
            writeBytes(out, Tag.STRING, s.getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof Integer i) {
            out.writeByte(Tag.INT);
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte(Tag.LONG);
            out.writeLong(l);
        } else if (value instanceof Boolean b) {
            out.writeByte(b ? Tag.TRUE : Tag.FALSE);
        } else if (value instanceof Double d) {
            out.writeByte(Tag.DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof byte[] bytes) {
            writeBytes(out, Tag.BYTES, bytes);
        } else {
            return writeSmallScalar(out, value);
        }
        return true;
    }

    private static boolean writeSmallScalar(DataOutput out, Object value) throws IOException {
        if (value instanceof Float f) {
            out.writeByte(Tag.FLOAT);
            out.writeFloat(f);
        } else if (value instanceof Short s) {
            out.writeByte(Tag.SHORT);
            out.writeShort(s);
        } else if (value instanceof Byte b) {
            out.writeByte(Tag.BYTE);
            out.writeByte(b);
        } else if (value instanceof Character c) {
            out.writeByte(Tag.CHAR);
            out.writeChar(c);
        } else {
            return false;
        }
        return true;
    }

    private void writeComposite(DataOutput out, Object value, Supplier<String> where, int depth) throws IOException {
        if (value instanceof Optional<?> optional) {
            // Jackson unwraps a root Optional; keep the wrapper so the receiver gets an Optional back.
            out.writeByte(optional.isPresent() ? Tag.OPTIONAL : Tag.OPTIONAL_EMPTY);
            if (optional.isPresent()) {
                write(out, optional.get(), where, deeper(depth, where));
            }
            return;
        }
        Class<?> type = value.getClass();
        if (space != null && ByReference.isByReference(type)) {
            writeRef(out, space.toRef(value));
            return;
        }
        String whyNot = Sendability.whyNot(type);
        if (whyNot != null) {
            throw new TwinSerializationException("Cannot send " + where.get() + ": " + type.getName() + " is " + whyNot);
        }
        if (Sendability.isLambda(type)) {
            writeLambda(out, value, where, depth);
        } else if (type.isRecord()) {
            writeRecord(out, value, where, deeper(depth, where));
        } else {
            writeBytes(out, Tag.JSON, jackson().write(value, where));
        }
    }

    /** A lambda that captures nothing is sent once per connection, then by number. */
    private void writeLambda(DataOutput out, Object lambda, Supplier<String> where, int depth) throws IOException {
        if (LambdaCodec.capturesNothing(lambda.getClass())) {
            out.writeByte(Tag.FUNCTION);
            functions.write(out, lambda, () -> LambdaCodec.shapeBytes(LambdaCodec.describe(lambda, where), where));
            return;
        }
        out.writeByte(Tag.LAMBDA);
        // Counted as the reader counts: each captured value one level down (a function that captures
        // nothing is no level at all).
        LambdaCodec.write(out, LambdaCodec.describe(lambda, where), (output, captured, capturedWhere)
                -> write(output, captured, capturedWhere, deeper(depth, capturedWhere)), where);
    }

    private void writeRecord(DataOutput out, Object record, Supplier<String> where, int depth) throws IOException {
        Records.Shape shape = Records.shape(record.getClass());
        out.writeByte(Tag.RECORD);
        out.writeUTF(record.getClass().getName());
        for (int i = 0; i < shape.components().length; i++) {
            int index = i;
            write(out, shape.component(record, i), () -> where.get() + ", component "
                    + shape.components()[index].getName() + " of " + record.getClass().getSimpleName(), depth);
        }
    }

    private Object readRecord(DataInput in, int depth) throws IOException {
        String name = in.readUTF();
        trust.require(name, "a record");
        Records.Shape shape = Records.shape(Records.load(name));
        Object[] values = new Object[shape.components().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = read(in, depth);
        }
        return shape.create(values);
    }

    /** A reference given directly (not inside a value) skips Jackson. */
    private static void writeRef(DataOutput out, RefDescriptor ref) throws IOException {
        out.writeByte(Tag.REF);
        out.writeBoolean(ref.ownedByReceiver());
        out.writeLong(ref.id());
        TypeDescriptor type = ref.type();
        out.writeUTF(type.className() == null ? "" : type.className());
        out.writeShort(type.interfaces().size());
        for (String name : type.interfaces()) {
            out.writeUTF(name);
        }
    }

    private Object readRef(DataInput in) throws IOException {
        boolean ownedByReceiver = in.readBoolean();
        long id = in.readLong();
        String className = in.readUTF();
        List<String> interfaces = new ArrayList<>();
        for (int i = in.readShort(); i > 0; i--) {
            interfaces.add(in.readUTF());
        }
        if (space == null) {
            throw new IOException("a twin reference arrived where none can be resolved");
        }
        return space.fromRef(new RefDescriptor(ownedByReceiver, id,
                new TypeDescriptor(className.isEmpty() ? null : className, interfaces)));
    }

    private static void writeBytes(DataOutput out, byte tag, byte[] bytes) throws IOException {
        out.writeByte(tag);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    @Override
    public Object readValue(DataInput in) throws IOException {
        return read(in, 0);
    }

    private Object read(DataInput in, int depth) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case Tag.NULL -> null;
            case Tag.TRUE -> Boolean.TRUE;
            case Tag.FALSE -> Boolean.FALSE;
            case Tag.BYTE -> in.readByte();
            case Tag.SHORT -> in.readShort();
            case Tag.CHAR -> in.readChar();
            case Tag.INT -> in.readInt();
            case Tag.LONG -> in.readLong();
            case Tag.FLOAT -> in.readFloat();
            case Tag.DOUBLE -> in.readDouble();
            case Tag.STRING -> new String(readBytes(in), StandardCharsets.UTF_8);
            case Tag.BYTES -> readBytes(in);
            case Tag.OPTIONAL_EMPTY -> Optional.empty();
            case Tag.OPTIONAL -> Optional.ofNullable(read(in, deeper(depth)));
            case Tag.JSON -> jackson().read(readBytes(in));
            case Tag.REF -> readRef(in);
            case Tag.FUNCTION -> functions.read(in, bytes -> LambdaCodec.readShape(bytes, trust));
            case Tag.LAMBDA -> LambdaCodec.read(in, captured -> read(captured, deeper(depth)), trust);
            case Tag.RECORD -> readRecord(in, deeper(depth));
            default -> throw new IOException("unknown value tag " + tag + ": the two sides run different cpy2j versions");
        };
    }

    /** The sender refuses what its peer would refuse to read. */
    private static int deeper(int depth, Supplier<String> where) {
        if (depth >= MAX_DEPTH) {
            throw new TwinSerializationException("Cannot send " + where.get() + ": optionals, records and lambdas "
                    + "in it nest more than " + MAX_DEPTH + " deep");
        }
        return depth + 1;
    }

    private static int deeper(int depth) throws IOException {
        if (depth >= MAX_DEPTH) {
            throw new IOException("corrupt value: optionals, records and lambdas nested more than " + MAX_DEPTH
                    + " deep");
        }
        return depth + 1;
    }

    static byte[] readBytes(DataInput in) throws IOException {
        byte[] bytes = new byte[checkedCount(in, in.readInt())];
        in.readFully(bytes);
        return bytes;
    }

    /**
     * A length or count read from a message, checked against what is left of it (each item takes at
     * least a byte). A frame is read whole before it is decoded, so more is a corrupt or hostile body,
     * which must fail here rather than become an allocation of up to 2 GiB.
     */
    static int checkedCount(DataInput in, int count) throws IOException {
        if (count < 0 || in instanceof java.io.InputStream stream && stream.available() < count) {
            throw new IOException("corrupt value: " + count + " bytes or items announced, fewer left in the frame");
        }
        return count;
    }

    @Override
    public Receipt takeReceipt() {
        List<?> functionsSent = functions.takeUnconfirmed();
        long[] exported = space == null ? null : space.takeExports();
        if (functionsSent.isEmpty() && exported == null) {
            return Receipt.NONE; // the common case: nothing to settle, nothing allocated
        }
        return new StandardReceipt(functionsSent, exported);
    }

    /** Confirms functions once delivered; undoes exports if never sent. */
    private final class StandardReceipt implements Receipt {
        private final List<?> functionsSent;
        private final long[] exported;

        StandardReceipt(List<?> functionsSent, long[] exported) {
            this.functionsSent = functionsSent;
            this.exported = exported;
        }

        @Override
        public void delivered() {
            FunctionCache.confirm(functionsSent);
        }

        @Override
        public void notSent() {
            if (exported != null) {
                space.undoExports(exported);
            }
        }
    }

    @Override
    public void writeThrowable(DataOutput out, Throwable error, int maxBytes) throws IOException {
        throwables.write(out, error, maxBytes);
    }

    @Override
    public Throwable readThrowable(DataInput in) throws IOException {
        return throwables.read(in, trust);
    }
}
