package io.cpy2j.soak;

import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.management.ObjectName;

/**
 * The master's live heap by class ({@code jcmd GC.class_histogram}, which runs a full GC first), so that a
 * heap that grew can say what grew.
 */
final class HeapHistogram {

    /** {@code   1:   12345   678901  java.lang.String (java.base@17)}: instances, bytes, class. */
    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    private final Map<String, Long> bytesByClass;

    private HeapHistogram(Map<String, Long> bytesByClass) {
        this.bytesByClass = bytesByClass;
    }

    /** The histogram now; empty where the JVM has no diagnostic command for it. */
    static HeapHistogram take() {
        Map<String, Long> bytes = new HashMap<>();
        try {
            String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            for (String line : text.split("\n")) {
                Matcher row = ROW.matcher(line);
                if (row.find()) {
                    bytes.merge(row.group(3), Long.parseLong(row.group(2)), Long::sum);
                }
            }
        } catch (Exception | LinkageError e) {
            bytes.put("(no histogram: " + e + ")", 0L);
        }
        return new HeapHistogram(bytes);
    }

    /** The {@code count} classes whose instances grew most since {@code before}, with by how much. */
    List<String> grownSince(HeapHistogram before, int count) {
        return bytesByClass.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.bytesByClass.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(count)
                .map(e -> String.format(Locale.ROOT, "%s +%,d bytes", e.getKey(), e.getValue()))
                .collect(Collectors.toList());
    }
}
