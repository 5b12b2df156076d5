package io.cpy2j.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.cpy2j.TwinException;
import io.cpy2j.function.TwinFunction;
import io.cpy2j.internal.protocol.Frame;
import io.cpy2j.internal.protocol.FrameReader;
import io.cpy2j.internal.protocol.Protocol;
import io.cpy2j.internal.transport.ChannelInputStream;
import io.cpy2j.support.Reliability;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The frame reader and the value decoder fed mutated real messages and random bytes: every input ends
 * quickly, allocates no more than the frame limit, and fails, if it fails, only with the documented
 * protocol and serialization exceptions. 20,000 inputs each by default; a million in the full reliability
 * run ({@code reliability/run.sh}) or with {@code -Dcpy2j.fuzz.inputs=1000000}; replay one seed with
 * {@code -Dcpy2j.fuzz.seed=N}. How the inputs ended goes to {@code target/reliability/fuzz.md}.
 */
class DecoderFuzzTest {

    static final int MAX_FRAME = 1 << 20;
    static final int INPUTS = (int) Reliability.size("cpy2j.fuzz.inputs", 20_000, 1_000_000);
    /** Each test's figures, by its name in the report: both tests write one section together. */
    private static final Map<String, FuzzFigures> FIGURES = new ConcurrentSkipListMap<>();

    private final long seed = Reliability.seed("cpy2j.fuzz.seed");
    private final Random random = new Random(seed);
    private final InProcessPeers peers = new InProcessPeers();

    record Point(int x, int y, String label) {
    }

    @AfterAll
    static void report() {
        StringBuilder md = new StringBuilder("## Fuzzing the decoders\n\n").append("DecoderFuzzTest: mutated real "
                + "messages and random bytes fed to the value decoder and the frame reader. Every input must end, "
                + "allocate no more than the frame limit, and fail, if it fails, only with a documented exception "
                + "(IOException, TwinException, JacksonException).\n\n");
        FIGURES.values().forEach(figures -> md.append(figures.markdown()));
        Reliability.report("fuzz", md.toString());
    }

    @Test
    void mutatedValuesDecodeOrFailWithADocumentedException() {
        List<byte[]> corpus = valueCorpus();
        FuzzFigures figures = figures("values", "no frame limit (the decoder alone, the input is the whole message)");
        assertTimeoutPreemptively(Duration.ofMinutes(10), () -> {
            for (int i = 0; i < INPUTS; i++) {
                byte[] input = mutate(corpus.get(random.nextInt(corpus.size())));
                long start = System.nanoTime();
                String outcome = decodeValue(input, i);
                figures.record(outcome, System.nanoTime() - start);
            }
        }, () -> "a decode did not end; seed " + seed);
    }

    @Test
    void mutatedFramesAreReadOrRefusedWithinTheFrameLimit() {
        List<byte[]> corpus = frameCorpus();
        FuzzFigures figures = figures("frames", String.format(Locale.ROOT, "frame limit %,d bytes", MAX_FRAME));
        assertTimeoutPreemptively(Duration.ofMinutes(10), () -> {
            for (int i = 0; i < INPUTS; i++) {
                byte[] input = mutate(corpus.get(random.nextInt(corpus.size())));
                long start = System.nanoTime();
                String outcome = readFrames(input, i);
                figures.record(outcome, System.nanoTime() - start);
            }
        }, () -> "a frame read did not end; seed " + seed);
    }

    private FuzzFigures figures(String name, String limit) {
        FuzzFigures figures = new FuzzFigures(name, seed, limit);
        FIGURES.put(name, figures);
        return figures;
    }

    /** Decodes one input; returns how it ended. */
    private String decodeValue(byte[] input, int index) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(input));
        try {
            if (input.length > 0 && (input[0] & 1) == 1) {
                peers.b.codec.readValue(in);
                return "decoded a value";
            }
            peers.b.codec.readThrowable(in);
            return "decoded an exception";
        } catch (IOException e) { // documented: a corrupt or refused value
            return FuzzFigures.outcome(e, IOException.class);
        } catch (TwinException e) {
            return FuzzFigures.outcome(e, TwinException.class);
        } catch (tools.jackson.core.JacksonException e) {
            return FuzzFigures.outcome(e, tools.jackson.core.JacksonException.class);
        } catch (Throwable e) {
            throw new AssertionError("input " + index + " (seed " + seed + ", " + Arrays.toString(
                    Arrays.copyOf(input, Math.min(64, input.length))) + ") failed with an undocumented " + e, e);
        }
    }

    /** Reads up to 100 frames from one input; returns how it ended. */
    private String readFrames(byte[] input, int index) {
        FrameReader reader = new FrameReader(new ChannelInputStream(new ByteArrayInputStream(input), 1024), MAX_FRAME);
        try {
            for (int frames = 0; frames < 100; frames++) {
                Frame frame = reader.read();
                assertThat(frame.data().length).isLessThanOrEqualTo(MAX_FRAME);
            }
            return "read 100 frames";
        } catch (IOException e) { // documented: end of stream, or a frame the protocol refuses
            return FuzzFigures.outcome(e, IOException.class);
        } catch (TwinException e) {
            return FuzzFigures.outcome(e, TwinException.class);
        } catch (Throwable e) {
            throw new AssertionError("input " + index + " (seed " + seed + ") failed with an undocumented " + e, e);
        }
    }

    // ---- the corpus: real messages ----------------------------------------------------------------

    private List<byte[]> valueCorpus() {
        List<byte[]> corpus = new ArrayList<>();
        List<Object> values = List.of(42, "text", new byte[] {1, 2, 3}, List.of(1L, "two", 3.0),
                Map.of("k", List.of(1, 2)), new TreeMap<>(Map.of(1, "one", 2, "two")), new Point(1, 2, "p"),
                Optional.of("here"), LocalDate.of(2026, 12, 2), (TwinFunction<Integer, Integer, RuntimeException>) x -> x + 1,
                List.of(new Point(3, 4, "q"), Map.of(5, new Point(6, 7, "r"))));
        for (Object value : values) {
            corpus.add(peers.a.write(value));
            peers.a.codec.takeReceipt().notSent();
        }
        corpus.add(throwable(new IllegalStateException("boom", new IOException("cause"))));
        return corpus;
    }

    private byte[] throwable(Throwable error) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            peers.a.codec.writeThrowable(new DataOutputStream(bytes), error, MAX_FRAME);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private List<byte[]> frameCorpus() {
        List<byte[]> corpus = new ArrayList<>();
        for (byte[] body : valueCorpus()) {
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(stream);
            try {
                for (int i = 0; i < 3; i++) {
                    out.writeInt(Protocol.HEADER_SIZE + body.length);
                    out.writeByte(Protocol.KIND_REQUEST);
                    out.writeLong(i + 1);
                    out.writeLong(0);
                    out.write(body);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            corpus.add(stream.toByteArray());
        }
        return corpus;
    }

    // ---- mutations --------------------------------------------------------------------------------

    private byte[] mutate(byte[] original) {
        byte[] input = original.clone();
        int rounds = 1 + random.nextInt(4);
        for (int r = 0; r < rounds; r++) {
            input = switch (random.nextInt(7)) {
                case 0 -> flipBits(input);
                case 1 -> overwrite(input);
                case 2 -> Arrays.copyOf(input, input.length == 0 ? 0 : random.nextInt(input.length));
                case 3 -> extend(input);
                case 4 -> extremeInt(input);
                case 5 -> randomBytes();
                default -> input;
            };
        }
        return input;
    }

    private byte[] flipBits(byte[] input) {
        for (int i = 0; i < 1 + random.nextInt(4) && input.length > 0; i++) {
            input[random.nextInt(input.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return input;
    }

    private byte[] overwrite(byte[] input) {
        if (input.length > 0) {
            input[random.nextInt(input.length)] = (byte) random.nextInt(256);
        }
        return input;
    }

    private byte[] extend(byte[] input) {
        byte[] longer = Arrays.copyOf(input, input.length + 1 + random.nextInt(64));
        for (int i = input.length; i < longer.length; i++) {
            longer[i] = (byte) random.nextInt(256);
        }
        return longer;
    }

    /** A length or count field set to an extreme: the classic way to make a decoder allocate or loop. */
    private byte[] extremeInt(byte[] input) {
        if (input.length < 4) {
            return input;
        }
        int at = random.nextInt(input.length - 3);
        int value = switch (random.nextInt(4)) {
            case 0 -> Integer.MAX_VALUE;
            case 1 -> Integer.MIN_VALUE;
            case 2 -> -1;
            default -> 0x7ff0_0000;
        };
        for (int i = 0; i < 4; i++) {
            input[at + i] = (byte) (value >>> (24 - 8 * i));
        }
        return input;
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[random.nextInt(256)];
        random.nextBytes(bytes);
        return bytes;
    }
}
