package io.cpy2j.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The twins of a Spring Boot application ({@code cpy2j.*}): one {@link io.cpy2j.TwinMaster} bean per
 * entry of {@code cpy2j.twins}, each built from its entry over {@code cpy2j.defaults}.
 */
@ConfigurationProperties("cpy2j")
public class Cpy2jProperties {

    /** Whether cpy2j creates the twins declared under cpy2j.twins and their @TwinComponent beans. */
    private boolean enabled = true;

    /** Settings every twin gets unless its own entry sets them; lists and maps are added to. */
    @NestedConfigurationProperty
    private TwinProperties defaults = new TwinProperties();

    /** The twins, by id: each is a child JVM with the settings of its entry. */
    private Map<String, TwinProperties> twins = new LinkedHashMap<>();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public TwinProperties getDefaults() {
        return defaults;
    }

    public void setDefaults(TwinProperties defaults) {
        this.defaults = defaults;
    }

    public Map<String, TwinProperties> getTwins() {
        return twins;
    }

    public void setTwins(Map<String, TwinProperties> twins) {
        this.twins = twins;
    }
}
