package io.cpy2j.boot.autoconfigure;

import java.util.Map;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers the twins declared under {@code cpy2j.twins} and the {@code @TwinComponent} beans of the
 * application's packages. Bean definitions per named entry must exist before configuration properties
 * are bound as beans, so the properties are bound here with a {@link Binder}, as spring-grpc does.
 */
final class TwinsRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, ResourceLoaderAware,
        BeanFactoryAware {

    private Environment environment;
    private ResourceLoader resourceLoader;
    private BeanFactory beanFactory;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setResourceLoader(ResourceLoader resourceLoader) {
        this.resourceLoader = resourceLoader;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        Map<String, TwinSettings> twins = TwinSettings.resolveAll(bind(environment));
        if (!twins.isEmpty()) {
            new TwinMasterDefinitions(twins, beanFactory).register(registry);
        }
        boolean chosenByEnableTwins = registry.containsBeanDefinition(TwinComponentPackages.BEAN_NAME);
        if (!chosenByEnableTwins && AutoConfigurationPackages.has(beanFactory)) {
            new TwinComponentScanner(environment, resourceLoader, twins)
                    .register(AutoConfigurationPackages.get(beanFactory), registry);
        }
    }

    static Cpy2jProperties bind(Environment environment) {
        return Binder.get(environment).bindOrCreate("cpy2j", Cpy2jProperties.class);
    }
}
