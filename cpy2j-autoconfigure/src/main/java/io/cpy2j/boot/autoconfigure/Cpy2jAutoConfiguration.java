package io.cpy2j.boot.autoconfigure;

import io.cpy2j.TwinMaster;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The twins declared under {@code cpy2j.twins}: one {@link TwinMaster} bean each, started and stopped
 * with the context, and the {@code @TwinComponent} beans of the application's packages.
 */
@AutoConfiguration
@ConditionalOnClass(TwinMaster.class)
@ConditionalOnBooleanProperty(name = "cpy2j.enabled", matchIfMissing = true)
@EnableConfigurationProperties(Cpy2jProperties.class)
@Import(TwinsRegistrar.class)
public final class Cpy2jAutoConfiguration {
}
