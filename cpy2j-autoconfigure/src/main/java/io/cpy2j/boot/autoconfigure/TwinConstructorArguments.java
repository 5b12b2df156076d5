package io.cpy2j.boot.autoconfigure;

import io.cpy2j.Twins;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * Resolves a {@code @TwinComponent}'s constructor arguments in the master's context, as Spring would for
 * a bean of its own, and decides how each crosses into the twin: the one place for that rule. Beans go
 * by reference (exported, so the twin calls back into them); configuration values ({@code @Value},
 * simple values, records, JDK types, {@code @ConfigurationProperties} objects) go by value. Beans inside
 * a collection, map or {@code Optional} are exported too; the container itself is copied.
 */
final class TwinConstructorArguments {

    private final ConfigurableListableBeanFactory beanFactory;
    private final String beanName;

    TwinConstructorArguments(ConfigurableListableBeanFactory beanFactory, String beanName) {
        this.beanFactory = beanFactory;
        this.beanName = beanName;
    }

    Object[] resolve(Class<?> type) {
        Constructor<?> constructor = constructor(type);
        Object[] arguments = new Object[constructor.getParameterCount()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = resolve(MethodParameter.forExecutable(constructor, i));
        }
        return arguments;
    }

    /** The constructor Spring would use: the one with {@code @Autowired}, else the only one, else the default. */
    static Constructor<?> constructor(Class<?> type) {
        List<Constructor<?>> autowired = Arrays.stream(type.getDeclaredConstructors())
                .filter(candidate -> candidate.isAnnotationPresent(Autowired.class)).toList();
        return autowired.size() == 1 ? autowired.get(0) : BeanUtils.getResolvableConstructor(type);
    }

    private Object resolve(MethodParameter parameter) {
        Set<String> used = new LinkedHashSet<>();
        Object argument = beanFactory.resolveDependency(new DependencyDescriptor(parameter, true), beanName, used, null);
        used.forEach(dependency -> beanFactory.registerDependentBean(dependency, beanName));
        if (!parameter.hasParameterAnnotation(Value.class)) {
            exportBeans(argument);
        }
        return argument;
    }

    private static void exportBeans(Object value) {
        if (value == null || Twins.isProxy(value)) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            collection.forEach(TwinConstructorArguments::exportBeans);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(TwinConstructorArguments::exportBeans);
        } else if (value instanceof Optional<?> optional) {
            optional.ifPresent(TwinConstructorArguments::exportBeans);
        } else if (!isValue(value.getClass())) {
            Twins.export(value);
        }
    }

    static boolean isValue(Class<?> type) {
        return BeanUtils.isSimpleValueType(type) || type.isRecord() || type.isArray()
               || type.getName().startsWith("java.")
               || AnnotatedElementUtils.hasAnnotation(ClassUtils.getUserClass(type), ConfigurationProperties.class);
    }
}
