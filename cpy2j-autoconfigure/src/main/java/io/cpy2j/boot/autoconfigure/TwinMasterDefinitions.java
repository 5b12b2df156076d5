package io.cpy2j.boot.autoconfigure;

import io.cpy2j.TwinMaster;
import io.cpy2j.TwinCallObserver;
import io.cpy2j.boot.TwinGroupInitializer;
import java.util.Map;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;

/**
 * Registers the context's twins: the {@link TwinMasters} registry, one {@link TwinMaster} bean per
 * twin ({@code cpy2jTwinMaster.<id>}, qualified by the twin id) and the {@link TwinsLifecycle}.
 */
final class TwinMasterDefinitions {

    private static final String MASTER_PREFIX = "cpy2jTwinMaster.";
    static final String LIFECYCLE_BEAN_NAME = "cpy2jTwinsLifecycle";

    private final Map<String, TwinSettings> twins;
    private final BeanFactory beanFactory;

    TwinMasterDefinitions(Map<String, TwinSettings> twins, BeanFactory beanFactory) {
        this.twins = twins;
        this.beanFactory = beanFactory;
    }

    /** The bean name of a twin's master. */
    static String beanName(String twinId) {
        return MASTER_PREFIX + twinId;
    }

    void register(BeanDefinitionRegistry registry) {
        registry.registerBeanDefinition(TwinMasters.BEAN_NAME, new RootBeanDefinition(TwinMasters.class,
                () -> new TwinMasters(twins, new TwinMasterFactory(), new TwinEventPublisher(),
                        () -> beanFactory.getBeanProvider(TwinGroupInitializer.class).orderedStream().toList(),
                        () -> beanFactory.getBeanProvider(TwinCallObserver.class).orderedStream().toList())));
        twins.keySet().forEach(id -> registry.registerBeanDefinition(beanName(id), master(id)));
        registry.registerBeanDefinition(LIFECYCLE_BEAN_NAME,
                new RootBeanDefinition(TwinsLifecycle.class, () -> new TwinsLifecycle(masters())));
    }

    private RootBeanDefinition master(String twinId) {
        RootBeanDefinition definition = new RootBeanDefinition(TwinMaster.class, () -> masters().master(twinId));
        definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, twinId));
        definition.setDependsOn(TwinMasters.BEAN_NAME);
        definition.setDestroyMethodName(""); // not close(): the registry releases it, once, when the context stops
        return definition;
    }

    private TwinMasters masters() {
        return beanFactory.getBean(TwinMasters.BEAN_NAME, TwinMasters.class);
    }
}
