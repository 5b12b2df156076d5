package io.cpy2j.boot.autoconfigure.diagnostics;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * An unknown value for one of cpy2j's choices ({@code restart}, {@code auto-start},
 * {@code java-version-fallback}): names the values allowed, as they are written in yml. Runs before
 * Boot's own {@code BindFailureAnalyzer}, which handles every other binding failure.
 */
final class TwinBindFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        Class<?> type = cause.getTarget().getType().resolve(Object.class);
        ConfigurationProperty property = cause.getProperty();
        if (!cause.getName().toString().startsWith("cpy2j.") || !type.isEnum() || property == null) {
            return null;
        }
        String allowed = Arrays.stream(type.getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name().toLowerCase().replace('_', '-'))
                .collect(Collectors.joining(", "));
        String origin = property.getOrigin() != null ? " (from " + property.getOrigin() + ")" : "";
        String description = String.format("Invalid value '%s' for %s%s.%n%nAllowed values: %s",
                property.getValue(), cause.getName(), origin, allowed);
        return new FailureAnalysis(description, "Set " + cause.getName() + " to one of: " + allowed + ".", cause);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
