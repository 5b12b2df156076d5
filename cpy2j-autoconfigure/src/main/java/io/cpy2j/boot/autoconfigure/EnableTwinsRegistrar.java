package io.cpy2j.boot.autoconfigure;

import io.cpy2j.boot.EnableTwins;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/** Scans the packages {@link EnableTwins} names for {@code @TwinComponent} classes. */
public final class EnableTwinsRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware,
        ResourceLoaderAware {

    private Environment environment;
    private ResourceLoader resourceLoader;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setResourceLoader(ResourceLoader resourceLoader) {
        this.resourceLoader = resourceLoader;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        Cpy2jProperties properties = TwinsRegistrar.bind(environment);
        if (!properties.isEnabled()) {
            return;
        }
        List<String> packages = List.copyOf(packages(metadata));
        registry.registerBeanDefinition(TwinComponentPackages.BEAN_NAME, new RootBeanDefinition(
                TwinComponentPackages.class, () -> new TwinComponentPackages(packages)));
        new TwinComponentScanner(environment, resourceLoader, TwinSettings.resolveAll(properties))
                .register(packages, registry);
    }

    private static Set<String> packages(AnnotationMetadata metadata) {
        MergedAnnotation<EnableTwins> annotation = metadata.getAnnotations().get(EnableTwins.class);
        Set<String> packages = new LinkedHashSet<>(Arrays.asList(annotation.getStringArray("basePackages")));
        for (Class<?> type : annotation.getClassArray("basePackageClasses")) {
            packages.add(type.getPackageName());
        }
        if (packages.isEmpty()) {
            packages.add(ClassUtils.getPackageName(metadata.getClassName()));
        }
        return packages;
    }
}
