package io.cpy2j.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A twin's output reaches the log line by line, and no line, however long, is held in the master's memory. */
class OutputForwarderTest {

    private static final long HUGE = 50L * 1024 * 1024;

    private final List<String> forwarded = Collections.synchronizedList(new ArrayList<>());

    @Test
    void aHugeLineIsCutWithAMarkerAndTheLinesAfterItArriveIntact() {
        OutputForwarder forwarder = forward(concat(new RepeatedBytes("x".getBytes(StandardCharsets.UTF_8), HUGE),
                text("\nafter one\nafter two\n")));

        assertThat(forwarded).hasSize(3);
        String cut = forwarded.get(0);
        long kept = OutputForwarder.MAX_LINE_BYTES;
        assertThat(cut).startsWith("xxxx").endsWith("… [cut: " + (HUGE - kept) + " more bytes]");
        assertThat(cut.length()).isLessThan(OutputForwarder.MAX_LINE_BYTES + 50);
        assertThat(forwarded.subList(1, 3)).containsExactly("after one", "after two");
        // what stays in memory for error messages is small too
        assertThat(forwarder.tail()).hasSizeLessThan(OutputForwarder.MAX_TAIL_LINE_CHARS + 100)
                .endsWith("\n    after one\n    after two");
    }

    @Test
    void aCutNeverSplitsAMultiByteCharacterAndCountsEveryByteNotForwarded() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8); // 3 bytes: 64 KiB is not a multiple of 3
        long total = 3L * OutputForwarder.MAX_LINE_BYTES;
        forward(concat(new RepeatedBytes(euro, total), text("\n")));

        String line = forwarded.get(0);
        String kept = line.substring(0, line.indexOf('…'));
        assertThat(kept).matches("€+");
        int keptBytes = kept.getBytes(StandardCharsets.UTF_8).length;
        assertThat(keptBytes).isGreaterThan(OutputForwarder.MAX_LINE_BYTES - 3);
        assertThat(line).endsWith("… [cut: " + (total - keptBytes) + " more bytes]");
    }

    @Test
    void lineBreaksAreThoseOfReadLineAndALastLineWithoutBreakIsForwarded() {
        forward(text("one\r\ntwo\rthree\n\nfour"));
        assertThat(forwarded).containsExactly("one", "two", "three", "", "four");
    }

    @Test
    void linesTheFilterClaimsGoNeitherToTheSinkNorIntoTheTail() {
        OutputForwarder forwarder = new OutputForwarder("t", text("[0.1s][warning][cds] noise\nuser line\n"),
                line -> line.contains("[cds]"), forwarded::add);
        forwarder.run();
        assertThat(forwarded).containsExactly("user line");
        assertThat(forwarder.tail()).isEqualTo("\n    user line");
    }

    @Test
    void theTailKeepsTheLast25LinesEachShortened() {
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            input.append(i).append(' ').append("y".repeat(5000)).append('\n');
        }
        OutputForwarder forwarder = forward(text(input.toString()));
        List<String> tail = List.of(forwarder.tail().substring(1).split("\n"));
        assertThat(tail).hasSize(25);
        assertThat(tail.get(0)).startsWith("    15 y");
        assertThat(tail).allSatisfy(line -> assertThat(line).hasSizeLessThan(OutputForwarder.MAX_TAIL_LINE_CHARS + 40)
                .endsWith("more chars]"));
        assertThat(forwarded.get(39)).hasSize(5003);
    }

    private OutputForwarder forward(InputStream input) {
        OutputForwarder forwarder = new OutputForwarder("t", input, line -> false, forwarded::add);
        forwarder.run();
        return forwarder;
    }

    private static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream concat(InputStream first, InputStream second) {
        return new SequenceInputStream(first, second);
    }

    /** {@code total} bytes of a pattern repeated, made as they are read: the test itself holds no huge line. */
    private static final class RepeatedBytes extends InputStream {

        private final byte[] pattern;
        private final long total;
        private long position;

        RepeatedBytes(byte[] pattern, long total) {
            this.pattern = pattern;
            this.total = total;
        }

        @Override
        public int read() {
            return position < total ? pattern[(int) (position++ % pattern.length)] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= total) {
                return -1;
            }
            int count = (int) Math.min(length, total - position);
            for (int i = 0; i < count; i++) {
                buffer[offset + i] = pattern[(int) (position++ % pattern.length)];
            }
            return count;
        }
    }
}
