package io.cpy2j.soak;

import com.sun.management.UnixOperatingSystemMXBean;
import io.cpy2j.TwinMaster;
import io.cpy2j.TwinObjectCounts;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the soak must give back: objects alive on both sides, the master's heap after GC, its threads and
 * its open file descriptors. Thread names and descriptor targets are kept to name what leaked.
 *
 * @param twinObjects  the twin's objects held by the master ({@code liveObjectsInTwin})
 * @param proxies      the master's proxies of twin objects
 * @param exported     the master's objects the twin holds (the callbacks' exports)
 * @param heapAfterGc  the master's used heap after full GCs, in bytes
 * @param threads      the master's live threads, by name
 * @param fds          the master's open file descriptors
 * @param fdTargets    what they point at (Linux's /proc/self/fd; empty elsewhere)
 * @param histogram    the heap by class, or null when the heap was not measured
 */
record Footprint(int twinObjects, int proxies, int exported, long heapAfterGc, List<String> threads, long fds,
                 Set<String> fdTargets, HeapHistogram histogram) {

    /**
     * Everything, for the baseline: the histogram before the heap, so that the heap counts the histogram
     * it keeps until the end, as the end's reading will. (The end's histogram cannot help counting it.)
     */
    static Footprint baseline(TwinMaster twin) {
        HeapHistogram histogram = HeapHistogram.take();
        return measure(twin, usedHeapAfterGc(), histogram);
    }

    /** Everything, for the end: the heap before the histogram, which would otherwise count twice. */
    static Footprint end(TwinMaster twin) {
        long heap = usedHeapAfterGc();
        return measure(twin, heap, HeapHistogram.take());
    }

    /** Everything but the heap (reported as -1): cheap enough to poll while waiting for the rest. */
    static Footprint quick(TwinMaster twin) {
        return measure(twin, -1, null);
    }

    private static Footprint measure(TwinMaster twin, long heap, HeapHistogram histogram) {
        TwinObjectCounts counts = twin.objectCounts();
        return new Footprint(twin.liveObjectsInTwin(), counts.proxies(), counts.exported(), heap, threadNames(),
                openFds(), readFdTargets(), histogram);
    }

    /** Whether the objects on both sides are as many as in {@code other}. */
    boolean sameObjects(Footprint other) {
        return twinObjects == other.twinObjects && proxies == other.proxies && exported == other.exported;
    }

    String objects() {
        return "twin objects " + twinObjects + ", proxies " + proxies + ", exported " + exported;
    }

    /** Whether everything but the heap is back: objects equal, threads and descriptors no more than then. */
    boolean backTo(Footprint baseline) {
        return sameObjects(baseline) && threads.size() <= baseline.threads.size() && fds <= baseline.fds;
    }

    /** The least used heap over three full GCs: one reading can catch a reference-processing straggler. */
    static long usedHeapAfterGc() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            pause(100);
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    static List<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).sorted().collect(Collectors.toList());
    }

    static long openFds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
            return unix.getOpenFileDescriptorCount();
        }
        return -1;
    }

    private static Set<String> readFdTargets() {
        Path fds = Path.of("/proc/self/fd");
        Set<String> targets = new TreeSet<>();
        if (!Files.isDirectory(fds)) {
            return targets;
        }
        try (Stream<Path> listing = Files.list(fds)) {
            listing.forEach(fd -> targets.add(fd.getFileName() + " -> " + target(fd)));
        } catch (IOException e) {
            targets.add("unreadable: " + e);
        }
        return targets;
    }

    private static String target(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return "gone"; // the listing's own descriptor, closed by now
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
