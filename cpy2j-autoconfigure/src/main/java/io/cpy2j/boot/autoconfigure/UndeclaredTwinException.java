package io.cpy2j.boot.autoconfigure;

import java.util.List;
import java.util.Set;

/** A {@code @TwinComponent} names a twin that {@code cpy2j.twins} does not declare. */
public class UndeclaredTwinException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String componentClass;
    private final String twinId;
    private final List<String> declaredTwins;

    public UndeclaredTwinException(String componentClass, String twinId, Set<String> declaredTwins) {
        super("@TwinComponent " + componentClass + " names twin '" + twinId + "', which is not declared under "
                + "cpy2j.twins; declared: " + (declaredTwins.isEmpty() ? "none" : String.join(", ", declaredTwins)));
        this.componentClass = componentClass;
        this.twinId = twinId;
        this.declaredTwins = List.copyOf(declaredTwins);
    }

    public String getComponentClass() {
        return componentClass;
    }

    public String getTwinId() {
        return twinId;
    }

    public List<String> getDeclaredTwins() {
        return declaredTwins;
    }
}
