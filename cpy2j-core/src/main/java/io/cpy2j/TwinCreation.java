package io.cpy2j;

import io.cpy2j.function.TwinBiFunction;
import io.cpy2j.internal.call.Endpoint;
import io.cpy2j.internal.object.RefDescriptor;
import io.cpy2j.internal.object.Trust;

/** How a master has an object made in its twin, for {@link TwinMaster#create} and its recreatable kin. */
final class TwinCreation {

    private TwinCreation() {
    }

    /**
     * A new instance in the twin behind {@code endpoint}: for an interface view the twin sends the new
     * object's reference as a value, so this side can make a JDK proxy of the view; for a class, a
     * subclass proxy.
     */
    static Object in(Endpoint endpoint, Class<?> view, String className, Object[] args) {
        RefDescriptor ref = (RefDescriptor) endpoint.create((TwinBiFunction<String, Object[], Object, Exception>)
                Twins::createForMaster, className, args);
        if (ref.ownedByReceiver()) { // a new object lives in the twin: one of ours is a lie
            String lie = "it answered a request to create " + className + " with an object of the master's";
            Trust trust = endpoint.objects().trust();
            throw trust.isRestricted() ? trust.breach(lie) : new TwinProtocolException("twin '" + endpoint.remoteId()
                    + "': " + lie);
        }
        return endpoint.objects().fromRef(ref, view);
    }
}
