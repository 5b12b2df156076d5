package io.cpy2j.internal.object;

import java.util.List;

/**
 * What a receiver needs to build a proxy: the native class (for a class proxy, when it can load and
 * subclass it) and the interfaces (for a JDK proxy otherwise).
 */
public record TypeDescriptor(String className, List<String> interfaces) {

    public TypeDescriptor {
        interfaces = List.copyOf(interfaces);
    }

    public String simpleName() {
        String name = className != null ? className : interfaces.isEmpty() ? "Object" : interfaces.get(0);
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
