package io.cpy2j.boot.autoconfigure;

import io.cpy2j.TwinMaster;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The context's {@link TwinMaster} beans keyed by twin id rather than bean name: what health, the
 * endpoint and metrics show. A master the application built as a bean of its own is included.
 */
public final class TwinMastersById {

    private TwinMastersById() {
    }

    public static Map<String, TwinMaster> of(ObjectProvider<TwinMaster> masters) {
        Map<String, TwinMaster> byId = new LinkedHashMap<>();
        masters.orderedStream().forEach(master -> byId.putIfAbsent(master.id(), master));
        return byId;
    }
}
