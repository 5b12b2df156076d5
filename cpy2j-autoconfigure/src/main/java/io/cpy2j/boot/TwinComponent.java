package io.cpy2j.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;

/**
 * A bean whose one real instance lives in a twin: the class is instantiated in the JVM of twin
 * {@link #twin()} (declared under {@code cpy2j.twins}), and every injection point gets a proxy whose
 * calls run there.
 *
 * <pre>{@code
 * @TwinComponent(twin = "jdk25")
 * public class PrimeSieve implements Sieve {
 *     public PrimeSieve(SieveLog log, @Value("${sieve.limit}") int limit) { ... }
 * }
 * }</pre>
 *
 * Its constructor's arguments are resolved here, in the master's context, as for any bean (qualifiers,
 * {@code @Value}, {@code Optional}); beans are passed <em>by reference</em>, so the twin calls back into
 * them, and values ({@code @Value}, strings, numbers, records, {@code @ConfigurationProperties} objects)
 * <em>by value</em>, as copies. The class must not also be a {@code @Component}: it would then be
 * created here as well. Found by scanning the application's packages, or those of {@link EnableTwins}.
 *
 * <p>The proxy is a subclass of the class, so it can be injected by the class or by any of its
 * interfaces; with {@link #view()} an interface, it is a JDK proxy of that interface only and the class
 * is never subclassed here. {@code @Primary}, {@code @Qualifier} and {@code @Lazy} on the class apply to
 * the bean.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TwinComponent {

    /** Alias of {@link #twin()}. */
    @AliasFor("twin")
    String value() default "";

    /** The id of the twin the instance lives in, as declared under {@code cpy2j.twins}. */
    @AliasFor("value")
    String twin() default "";

    /** The bean name; by default the class's simple name, starting lower-case, as for a {@code @Component}. */
    String name() default "";

    /**
     * The type the bean is seen as: the class itself (by default) gives a subclass proxy; an interface the
     * class implements gives a JDK proxy of that interface only.
     */
    Class<?> view() default void.class;
}
