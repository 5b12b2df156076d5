package io.cpy2j.internal.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpy2j.TwinException;
import io.cpy2j.internal.protocol.FrameReader;
import io.cpy2j.internal.protocol.FrameWriter;
import io.cpy2j.internal.protocol.Protocol;
import io.cpy2j.internal.transport.StreamTransport;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The kernel alone, two of them connected by in-process pipes: no twin JVM, so it runs on any JDK.
 * Requests are text: "echo x", "sleep n", "back n" (calls the other side back n levels deep), "fail",
 * "huge"; replies are text too.
 */
class KernelTest {

    static final int MAX_FRAME = 64 * 1024;

    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "kernel-test-pool");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Pipe> pipes = new ArrayList<>();
    private Kernel left;
    private Kernel right;

    @AfterEach
    void close() throws IOException {
        for (Pipe pipe : pipes) {
            pipe.sink().close();
            pipe.source().close();
        }
        pool.shutdownNow();
    }

    @Test
    void aCallGetsItsOwnReply() {
        connect();
        assertThat(call(left, "echo hello")).isEqualTo("hello");
        assertThat(left.callsInFlight()).isZero();
    }

    @Test
    void manyThreadsCallAtOnceAndEachGetsItsOwnReply() throws Exception {
        connect();
        List<Future<?>> callers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            callers.add(pool.submit(() -> {
                for (int i = 0; i < 2000; i++) {
                    assertThat(call(left, "echo " + thread + ":" + i)).isEqualTo(thread + ":" + i);
                }
            }));
        }
        for (Future<?> caller : callers) {
            caller.get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void callbacksRunOnTheWaitingThreadToAnyDepth() {
        connect();
        String caller = Thread.currentThread().getName();
        // each level on this side answers with its thread's name; all must be the caller's
        assertThat(call(left, "back 51")).isEqualTo(caller); // level 0 runs on this side
    }

    @Test
    void anAsynchronousCallCompletesItsFutureWhileBlockingCallsGoOn() throws Exception {
        connect();
        CompletableFuture<String> slow = submit(left, "sleep 500", Deadline.NONE);
        for (int i = 0; i < 500; i++) {
            assertThat(call(left, "echo " + i)).isEqualTo(String.valueOf(i));
        }
        assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("slept");
    }

    @Test
    void aCallPastItsDeadlineFailsAndItsLateReplyIsDropped() throws Exception {
        connect();
        Deadline deadline = Deadline.after(Duration.ofMillis(200), () -> new TwinException("too late"));
        assertThatThrownBy(() -> text(left.call(bytes("sleep 600"), bytes("sleep 600").length, deadline)))
                .hasMessage("too late");
        Thread.sleep(700);
        assertThat(call(left, "echo next")).isEqualTo("next");
        assertThat(left.callsInFlight()).isZero();
    }

    /** Callbacks are served on the waiting thread; a stream of them must not hold it past the deadline. */
    @Test
    void aCallAnsweredOnlyWithCallbacksStillEndsAtItsDeadline() throws Exception {
        connect();
        Deadline deadline = Deadline.after(Duration.ofMillis(300), () -> new TwinException("too late"));
        long start = System.nanoTime();
        assertThatThrownBy(() -> text(left.call(bytes("pester 60"), bytes("pester 60").length, deadline)))
                .hasMessage("too late");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("60 queued callbacks of 50 ms take 3 s")
                .isLessThan(Duration.ofSeconds(1));
        Thread.sleep(3_500); // the rest are served on the pool, and the late reply dropped
        assertThat(call(left, "echo next")).isEqualTo("next");
        assertThat(left.callsInFlight()).isZero();
    }

    @Test
    void anAsynchronousCallPastItsDeadlineFailsItsFuture() {
        connect();
        CompletableFuture<String> late = submit(left, "sleep 2000",
                Deadline.after(Duration.ofMillis(200), () -> new TwinException("async too late")));
        assertThat(late).failsWithin(Duration.ofSeconds(5)).withThrowableThat().havingCause().withMessage("async too late");
    }

    @Test
    void aHandlerThatThrowsIsStillAnswered() {
        connect();
        Reply reply = left.call(bytes("fail"), 4);
        assertThat(reply.ok()).isFalse();
        assertThat(text(reply)).startsWith("failure: java.lang.IllegalStateException: broken handler");
    }

    @Test
    void aReplyOverTheFrameLimitIsReplacedByAFailure() {
        connect();
        Reply reply = left.call(bytes("huge"), 4);
        assertThat(reply.ok()).isFalse();
        assertThat(text(reply)).contains("over the frame limit");
        assertThat(call(left, "echo still up")).isEqualTo("still up");
    }

    @Test
    void whenThePeerGoesAwayEveryWaiterGetsTheCloseReason() throws Exception {
        connect();
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> call(left, "sleep 5000"), pool);
        Thread.sleep(200);
        pipes.get(1).sink().close(); // right -> left: the left side reads end of stream
        assertThat(waiting).failsWithin(Duration.ofSeconds(5)).withThrowableThat().havingCause()
                .withMessageContaining("lost: ");
        assertThatThrownBy(() -> call(left, "echo x")).isInstanceOf(TwinException.class).hasMessageContaining("lost: ");
    }

    @Test
    void aSeededRandomMixOfCallsAllEnd() throws Exception {
        connect();
        long seed = new Random().nextLong();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            Random random = new Random(seed + t);
            workers.add(pool.submit(() -> mix(random)));
        }
        for (Future<?> worker : workers) {
            assertThat(worker).as("seed %d", seed).succeedsWithin(Duration.ofSeconds(60));
        }
        assertThat(left.callsInFlight()).as("seed %d", seed).isZero();
    }

    private void mix(Random random) {
        List<CompletableFuture<String>> futures = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            switch (random.nextInt(4)) {
                case 0 -> assertThat(call(left, "echo " + i)).isEqualTo(String.valueOf(i));
                case 1 -> futures.add(submit(left, random.nextInt(20) == 0 ? "sleep 50" : "echo a", Deadline.NONE));
                case 2 -> assertThat(call(left, "back " + random.nextInt(4))).isNotEmpty();
                default -> assertThat(call(right, "echo r" + i)).isEqualTo("r" + i);
            }
        }
        futures.forEach(f -> assertThat(f).succeedsWithin(Duration.ofSeconds(30)));
    }

    // ---- two kernels over two pipes ---------------------------------------------------------------

    private void connect() {
        Pipe leftToRight = open();
        Pipe rightToLeft = open();
        left = kernel("left", rightToLeft, leftToRight, (kernel, request) -> serve(kernel, request));
        right = kernel("right", leftToRight, rightToLeft, (kernel, request) -> serve(kernel, request));
    }

    @Test
    void callbacksQueuedForOneCallPastTheLimitLoseTheChannel() throws Exception {
        Pipe toKernel = open();
        Pipe fromKernel = open();
        StreamTransport ours = new StreamTransport(Channels.newInputStream(toKernel.source()),
                Channels.newOutputStream(fromKernel.sink()));
        Kernel kernel = new Kernel(new FrameReader(ours.input(), MAX_FRAME), new FrameWriter(ours.output()),
                new TextHandler(request -> serve(null, request)), pool,
                cause -> new TwinException("lost: " + cause.getMessage(), cause), MAX_FRAME, () -> { }, 4);
        kernel.start("limited-watchdog");
        FrameReader peerReads = new FrameReader(Channels.newInputStream(fromKernel.source()), MAX_FRAME);
        FrameWriter peerWrites = new FrameWriter(Channels.newOutputStream(toKernel.sink()));

        CompletableFuture<String> caller = CompletableFuture.supplyAsync(() -> call(kernel, "echo never answered"), pool);
        long callId = peerReads.read().id();
        // The caller serves the first callback for a second; meanwhile the watchdog reads the rest into its
        // mailbox, which may hold no more than the limit.
        byte[] slow = bytes("sleep 1000");
        peerWrites.write(Protocol.KIND_REQUEST, 1_000, callId, slow, slow.length);
        byte[] echo = bytes("echo queued");
        for (int i = 1; i <= 20; i++) {
            peerWrites.write(Protocol.KIND_REQUEST, 1_000 + i, callId, echo, echo.length);
        }
        assertThatThrownBy(() -> caller.get(10, TimeUnit.SECONDS))
                .hasMessageContaining("lost: the peer had more than 4 callbacks waiting for one of our calls");
    }

    private Pipe open() {
        try {
            Pipe pipe = Pipe.open();
            pipes.add(pipe);
            return pipe;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Kernel kernel(String name, Pipe in, Pipe out, BiFunction<Kernel, String, String> serve) {
        StreamTransport transport = new StreamTransport(Channels.newInputStream(in.source()),
                Channels.newOutputStream(out.sink()));
        Kernel[] self = new Kernel[1];
        Kernel kernel = new Kernel(new FrameReader(transport.input(), MAX_FRAME), new FrameWriter(transport.output()),
                new TextHandler(request -> serve.apply(self[0], request)), pool,
                cause -> new TwinException(name + " lost: " + cause, cause), MAX_FRAME);
        self[0] = kernel;
        kernel.start(name + "-watchdog");
        return kernel;
    }

    /** What either side does with a request; "back n" calls the other side, which calls back, n levels. */
    private String serve(Kernel self, String request) {
        String[] words = request.split(" ", 2);
        return switch (words[0]) {
            case "echo" -> words[1];
            case "sleep" -> {
                sleep(Long.parseLong(words[1]));
                yield "slept";
            }
            case "back" -> {
                int depth = Integer.parseInt(words[1]);
                yield depth == 0 ? Thread.currentThread().getName() : call(self, "back " + (depth - 1)); // to the peer
            }
            case "pester" -> { // n callbacks "sleep 50" at once, all nested in the call: they queue for its caller
                List<CompletableFuture<String>> callbacks = new ArrayList<>();
                for (int i = Integer.parseInt(words[1]); i > 0; i--) {
                    callbacks.add(submit(self, "sleep 50", Deadline.NONE));
                }
                callbacks.forEach(CompletableFuture::join);
                yield "pestered";
            }
            case "fail" -> throw new IllegalStateException("broken handler");
            case "huge" -> "x".repeat(MAX_FRAME);
            default -> throw new IllegalArgumentException(request);
        };
    }

    private static String call(Kernel kernel, String request) {
        byte[] body = bytes(request);
        Reply reply = kernel.call(body, body.length);
        assertThat(reply.ok()).as("reply to %s: %s", request, text(reply)).isTrue();
        return text(reply);
    }

    private static CompletableFuture<String> submit(Kernel kernel, String request, Deadline deadline) {
        byte[] body = bytes(request);
        return kernel.submit(body, body.length, KernelTest::text, deadline);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Reply reply) {
        return new String(reply.data(), reply.offset(), reply.length(), StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Text in, text out; failures as "failure: ..." in an error reply. */
    private record TextHandler(java.util.function.Function<String, String> serve) implements RequestHandler {

        @Override
        public Reply handle(long requestId, DataInputStream body) {
            String request;
            try {
                request = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] answer = bytes(serve.apply(request)); // a throw here is the kernel's to answer
            return new Reply(true, answer, 0, answer.length);
        }

        @Override
        public Reply failure(Throwable error) {
            return Reply.error(bytes("failure: " + error));
        }
    }
}
