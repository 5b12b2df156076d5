package io.cpy2j.internal.object;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What a peer may name in what it sends. Full trust (the default; the master, as a twin sees it) lets it
 * name any class. A restricted peer may name only JDK value types and classes of its trusted packages,
 * checked by name before anything is loaded; when it names anything else, or breaks the protocol in
 * another way, {@link #breach} tells the connection (the master disconnects the twin) and gives the
 * exception that refuses the message.
 */
public final class Trust {

    /** Any class: the peer is part of the application. */
    public static final Trust FULL = new Trust(false, List.of(), reason -> { });

    /** JDK classes a value may be made of, and cpy2j's own; loading them runs no application code. */
    private static final Set<String> JDK_VALUES = Set.of(
            "java.lang.String", "java.lang.Boolean", "java.lang.Character", "java.lang.Byte", "java.lang.Short",
            "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.Object",
            "java.math.BigInteger", "java.math.BigDecimal", "java.net.URI", "java.util.UUID", "java.util.Date",
            "java.util.Locale", "java.util.Currency", "java.util.Optional", "java.util.OptionalInt",
            "java.util.OptionalLong", "java.util.OptionalDouble",
            "java.util.ArrayList", "java.util.LinkedList", "java.util.ArrayDeque", "java.util.HashMap",
            "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.EnumMap", "java.util.HashSet",
            "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.Arrays$ArrayList",
            // cpy2j's own: how a twin answers the master's request to create an object
            "io.cpy2j.internal.object.RefDescriptor", "io.cpy2j.internal.object.TypeDescriptor");
    /** Whole families of JDK value classes: dates and times, and the JDK's immutable and wrapped collections. */
    private static final List<String> JDK_VALUE_PREFIXES = List.of("java.time.", "java.util.ImmutableCollections$",
            "java.util.Collections$Unmodifiable", "java.util.Collections$Singleton", "java.util.Collections$Empty",
            "java.util.Collections$Synchronized");

    /** How many distinct sets of interfaces a restricted peer's objects may be proxied by. */
    static final int MAX_PROXY_SHAPES = 64;

    private final boolean restricted;
    private final List<String> packages;
    /** Each makes a proxy class, kept for good: the peer's choice must not fill the metaspace. */
    private final Set<List<Class<?>>> proxyShapes = ConcurrentHashMap.newKeySet();
    private final Consumer<String> onBreach;
    private volatile boolean breached;

    private Trust(boolean restricted, List<String> packages, Consumer<String> onBreach) {
        this.restricted = restricted;
        this.packages = List.copyOf(packages);
        this.onBreach = onBreach;
    }

    /**
     * @param trustedPackages packages (with their subpackages) whose classes the peer may name; "*" for all
     * @param onBreach        told the reason of every breach; disconnects the peer
     */
    public static Trust restricted(List<String> trustedPackages, Consumer<String> onBreach) {
        return new Trust(true, trustedPackages, onBreach);
    }

    public boolean isRestricted() {
        return restricted;
    }

    /** Whether the peer has breached its trust: nothing more it sends is served. */
    public boolean isBreached() {
        return breached;
    }

    /** Whether the class is of a trusted package: a type of the peer's own, not a JDK value type. */
    public boolean isOfTrustedPackage(String className) {
        return !restricted || packages.stream().anyMatch(p -> p.equals("*") || className.startsWith(p + "."));
    }

    /** The packages a restricted peer may name classes of. */
    public List<String> trustedPackages() {
        return packages;
    }

    /** Whether the peer may name this class (an array's element class decides for the array; primitive ones may be). */
    public boolean mayName(String className) {
        if (!restricted) {
            return true;
        }
        String name = elementName(className);
        if (name == null || JDK_VALUES.contains(name) || JDK_VALUE_PREFIXES.stream().anyMatch(name::startsWith)) {
            return true; // null: an array of primitives
        }
        return isOfTrustedPackage(name);
    }

    /** The class named, refused with a breach unless the peer may name it. */
    public void require(String className, String where) {
        if (!mayName(className)) {
            throw breach(where + " names " + className + ", which is neither a JDK value type nor in the "
                    + "trusted packages " + packages + " (add its package to trustedPackages if it belongs there)");
        }
    }

    /** Admits one more set of interfaces to proxy the peer's objects by, or refuses it with a breach. */
    void requireProxyShape(List<Class<?>> interfaces) {
        if (restricted && !proxyShapes.contains(interfaces)) {
            if (proxyShapes.size() >= MAX_PROXY_SHAPES) {
                throw breach("its objects came with more than " + MAX_PROXY_SHAPES + " distinct sets of interfaces");
            }
            proxyShapes.add(List.copyOf(interfaces));
        }
    }

    /** Reports a breach (the connection disconnects the peer) and returns the exception that refuses it. */
    public TrustBreach breach(String reason) {
        breached = true;
        String told = LogText.oneLine(reason); // it may quote what the peer sent, and will be logged
        onBreach.accept(told);
        return new TrustBreach(told);
    }

    private static String elementName(String className) {
        int dims = 0;
        while (dims < className.length() && className.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0) {
            return className;
        }
        String element = className.substring(dims);
        if (element.length() == 1 && "ZBCSIJFD".contains(element)) {
            return null;
        }
        return element.startsWith("L") && element.endsWith(";") ? element.substring(1, element.length() - 1) : element;
    }

    @Override
    public String toString() {
        return restricted ? "restricted to JDK value types and " + packages : "full";
    }
}
