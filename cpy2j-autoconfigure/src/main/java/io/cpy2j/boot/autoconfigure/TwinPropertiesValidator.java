package io.cpy2j.boot.autoconfigure;

import java.time.Duration;
import org.springframework.util.unit.DataSize;

/**
 * Checks one source of settings ({@code cpy2j.defaults} or one {@code cpy2j.twins.<id>}) before anything
 * is built, so that a wrong value is reported with the property that holds it rather than as a builder's
 * {@code IllegalArgumentException}.
 */
final class TwinPropertiesValidator {

    private static final DataSize MIN_FRAME = DataSize.ofKilobytes(1);
    private static final DataSize MAX_FRAME = DataSize.ofBytes(Integer.MAX_VALUE);

    private final String twinId;
    private final String prefix;

    /** @param prefix where the values come from: {@code cpy2j.defaults} or {@code cpy2j.twins.<id>} */
    TwinPropertiesValidator(String twinId, String prefix) {
        this.twinId = twinId;
        this.prefix = prefix;
    }

    void validate(TwinProperties properties) {
        if (properties.getJavaHome() != null && properties.getJavaVersion() != null) {
            throw invalid("java-version", properties.getJavaVersion(), "java-home is set too ("
                    + properties.getJavaHome() + "); a twin runs on one JDK",
                    "Remove " + prefix + ".java-home or " + prefix + ".java-version.");
        }
        positive("startup-timeout", properties.getStartupTimeout());
        positive("shutdown-timeout", properties.getShutdownTimeout());
        notNegative("call-timeout", properties.getCallTimeout(), "0 means no limit");
        notNegative("restart-backoff", properties.getRestartBackoff(), "0 restarts at once");
        if (properties.getMaxRestarts() != null && properties.getMaxRestarts() < 1) {
            throw invalid("max-restarts", properties.getMaxRestarts(), "a twin that may restart needs at least one restart",
                    "Set " + prefix + ".max-restarts to 1 or more, or restart: never for no restarts.");
        }
        frameSize(properties.getMaxFrameSize());
        if (properties.getMaxCallsInFlight() != null && properties.getMaxCallsInFlight() < 1) {
            throw invalid("max-calls-in-flight", properties.getMaxCallsInFlight(), "a twin needs at least one call "
                    + "in flight", "Set " + prefix + ".max-calls-in-flight to 1 or more, or remove it for the default.");
        }
        for (String name : properties.getTrustedPackages()) {
            if (!name.equals("*") && !name.matches("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
                    + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*")) {
                throw invalid("trusted-packages", name, "not a package name", "List packages such as "
                        + "com.example.parser, or * for every class.");
            }
        }
    }

    private void positive(String key, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw invalid(key, value, "a timeout must be positive",
                    "Set " + prefix + "." + key + " to a positive duration such as 30s, or remove it for the default.");
        }
    }

    private void notNegative(String key, Duration value, String zeroMeans) {
        if (value != null && value.isNegative()) {
            throw invalid(key, value, "a duration must not be negative (" + zeroMeans + ")",
                    "Set " + prefix + "." + key + " to 0 or a positive duration such as 5s.");
        }
    }

    private void frameSize(DataSize value) {
        if (value != null && (value.compareTo(MIN_FRAME) < 0 || value.compareTo(MAX_FRAME) > 0)) {
            throw invalid("max-frame-size", value, "a frame must be between 1KB and 2GB",
                    "Set " + prefix + ".max-frame-size to a size such as 64MB.");
        }
    }

    private TwinSettingsException invalid(String key, Object value, String problem, String action) {
        return new TwinSettingsException(twinId, prefix + "." + key, value, problem, action);
    }
}
