package io.cpy2j.boot;

import io.cpy2j.function.TwinRunnable;

/**
 * Runs in every twin when it starts (restarts included), before it serves calls: cpy2py's
 * TwinGroupState as a bean. Declare one as a lambda; it must be serializable, which this type makes it:
 *
 * <pre>{@code
 * @Bean
 * TwinGroupInitializer britishLocale() {
 *     return () -> Locale.setDefault(Locale.UK);
 * }
 * }</pre>
 *
 * Initializers are added once the context's twins are about to start; a twin that was already running
 * (shared with another context) does not run them again.
 */
@FunctionalInterface
public interface TwinGroupInitializer extends TwinRunnable<RuntimeException> {
}
