package io.cpy2j.boot.autoconfigure;

/**
 * A twin's settings under {@code cpy2j.*} cannot work. Stops start-up; {@link TwinSettingsFailureAnalyzer}
 * shows the property, what is wrong with it and how to fix it.
 */
public class TwinSettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String twinId;
    private final String property;
    private final transient Object value;
    private final String problem;
    private final String action;

    /**
     * @param property the full property name ({@code cpy2j.twins.jdk25.java-version})
     * @param problem  what is wrong, as a sentence
     * @param action   what to change, as a sentence
     */
    public TwinSettingsException(String twinId, String property, Object value, String problem, String action,
                                 Throwable cause) {
        super("twin '" + twinId + "': " + property + "=" + value + ": " + problem, cause);
        this.twinId = twinId;
        this.property = property;
        this.value = value;
        this.problem = problem;
        this.action = action;
    }

    public TwinSettingsException(String twinId, String property, Object value, String problem, String action) {
        this(twinId, property, value, problem, action, null);
    }

    public String getTwinId() {
        return twinId;
    }

    public String getProperty() {
        return property;
    }

    public Object getValue() {
        return value;
    }

    /** What is wrong, without the twin and property the message starts with. */
    public String getProblem() {
        return problem;
    }

    public String getAction() {
        return action;
    }
}
