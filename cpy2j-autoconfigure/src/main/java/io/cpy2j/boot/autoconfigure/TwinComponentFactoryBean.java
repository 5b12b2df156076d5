package io.cpy2j.boot.autoconfigure;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.BeanNameAware;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Makes the bean of one {@link io.cpy2j.boot.TwinComponent}: waits for its twin, resolves the
 * constructor's arguments in this context, creates the instance in the twin and returns its proxy.
 *
 * @param <T> the type the bean is seen as (the class, or the interface of {@code view})
 */
public final class TwinComponentFactoryBean<T> implements FactoryBean<T>, BeanFactoryAware, BeanNameAware {

    private final Class<? extends T> implementation;
    private final Class<T> view;
    private final String twinId;
    private ConfigurableListableBeanFactory beanFactory;
    private String beanName;

    public TwinComponentFactoryBean(Class<? extends T> implementation, Class<T> view, String twinId) {
        this.implementation = implementation;
        this.view = view;
        this.twinId = twinId;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    @Override
    public void setBeanName(String beanName) {
        this.beanName = beanName;
    }

    /**
     * Created recreatable: when the twin is restarted, the instance is created again in the new twin
     * (its constructor's beans and values resolved again here) behind the proxy already injected; its
     * state is lost.
     */
    @Override
    public T getObject() {
        TwinMasters masters = beanFactory.getBean(TwinMasters.BEAN_NAME, TwinMasters.class);
        masters.awaitRunning(twinId);
        T component = masters.master(twinId).createRecreatable(view, implementation,
                () -> new TwinConstructorArguments(beanFactory, beanName).resolve(implementation));
        masters.created(twinId, component);
        return component;
    }

    @Override
    public Class<T> getObjectType() {
        return view;
    }

    @Override
    public boolean isSingleton() {
        return true;
    }

    @Override
    public String toString() {
        return "TwinComponentFactoryBean[" + implementation.getName() + " in twin '" + twinId + "']";
    }
}
