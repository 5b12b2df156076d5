package io.cpy2j.boot.autoconfigure;

import io.cpy2j.boot.TwinComponent;
import java.beans.Introspector;
import java.util.Map;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Finds {@link TwinComponent} classes in packages and registers a {@link TwinComponentFactoryBean} for
 * each, typed with {@link FactoryBean#OBJECT_TYPE_ATTRIBUTE} so that autowiring by type finds it without
 * creating the proxy early (as spring-cloud-openfeign does for its clients).
 */
final class TwinComponentScanner {

    /** Marks our definitions with the component's class name, so a second scan recognises them. */
    private static final String ATTRIBUTE = TwinComponent.class.getName();

    private final ClassPathScanningCandidateComponentProvider provider;
    private final Map<String, TwinSettings> twins;
    private final ClassLoader classLoader;

    TwinComponentScanner(Environment environment, ResourceLoader resourceLoader, Map<String, TwinSettings> twins) {
        this.provider = new ClassPathScanningCandidateComponentProvider(false, environment);
        this.provider.setResourceLoader(resourceLoader);
        this.provider.addIncludeFilter(new AnnotationTypeFilter(TwinComponent.class));
        this.twins = twins;
        this.classLoader = resourceLoader.getClassLoader();
    }

    void register(Iterable<String> packages, BeanDefinitionRegistry registry) {
        for (String basePackage : packages) {
            for (BeanDefinition candidate : provider.findCandidateComponents(basePackage)) {
                register(((AnnotatedBeanDefinition) candidate).getMetadata(), registry);
            }
        }
    }

    private void register(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        MergedAnnotation<TwinComponent> annotation = metadata.getAnnotations().get(TwinComponent.class);
        String twinId = annotation.getString("twin");
        if (!twins.containsKey(twinId)) {
            throw new UndeclaredTwinException(metadata.getClassName(), twinId, twins.keySet());
        }
        String name = beanName(metadata, annotation);
        if (registry.containsBeanDefinition(name)
                && metadata.getClassName().equals(registry.getBeanDefinition(name).getAttribute(ATTRIBUTE))) {
            return; // found twice: by the auto-configuration's packages and by @EnableTwins
        }
        registry.registerBeanDefinition(name, definition(metadata, annotation, twinId));
    }

    private AbstractBeanDefinition definition(AnnotationMetadata metadata, MergedAnnotation<TwinComponent> annotation,
                                              String twinId) {
        Class<?> type = ClassUtils.resolveClassName(metadata.getClassName(), classLoader);
        Class<?> view = view(type, annotation.getClass("view"));
        AbstractBeanDefinition definition = BeanDefinitionBuilder.genericBeanDefinition(TwinComponentFactoryBean.class)
                .addConstructorArgValue(type).addConstructorArgValue(view).addConstructorArgValue(twinId)
                .addDependsOn(TwinMasterDefinitions.beanName(twinId))
                .setLazyInit(twins.get(twinId).isLazy() || metadata.isAnnotated(Lazy.class.getName()))
                .setPrimary(metadata.isAnnotated(Primary.class.getName()))
                .getBeanDefinition();
        definition.setAttribute(FactoryBean.OBJECT_TYPE_ATTRIBUTE, view);
        definition.setAttribute(ATTRIBUTE, metadata.getClassName());
        MergedAnnotation<Qualifier> qualifier = metadata.getAnnotations().get(Qualifier.class);
        if (qualifier.isPresent()) {
            definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, qualifier.getString("value")));
        }
        return definition;
    }

    private static Class<?> view(Class<?> type, Class<?> view) {
        if (view == void.class) {
            return type;
        }
        if (!view.isAssignableFrom(type)) {
            throw new IllegalStateException("@TwinComponent(view = " + view.getName() + ") on " + type.getName()
                    + ": the class does not implement it; name an interface it implements, or leave view out");
        }
        return view;
    }

    private static String beanName(AnnotationMetadata metadata, MergedAnnotation<TwinComponent> annotation) {
        String name = annotation.getString("name");
        return name.isEmpty() ? Introspector.decapitalize(ClassUtils.getShortName(metadata.getClassName())) : name;
    }
}
