package io.cpy2j.internal.protocol;

import io.cpy2j.TwinProtocolException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** What a twin says about itself before it serves calls. */
public record Handshake(int protocolVersion, String twinId, long pid, String javaVersion, String javaVendor,
                        String javaHome) {

    public static Handshake ofThisRuntime(String twinId) {
        return new Handshake(Protocol.VERSION, twinId, ProcessHandle.current().pid(),
                System.getProperty("java.version"), System.getProperty("java.vendor"), System.getProperty("java.home"));
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(protocolVersion);
            out.writeUTF(twinId);
            out.writeLong(pid);
            out.writeUTF(javaVersion);
            out.writeUTF(javaVendor);
            out.writeUTF(javaHome);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    public static Handshake decode(DataInputStream in) throws IOException {
        int version = in.readInt();
        if (version != Protocol.VERSION) {
            // The rest may be laid out differently: report the version alone.
            return new Handshake(version, "?", -1, "?", "?", "?");
        }
        return new Handshake(version, in.readUTF(), in.readLong(), in.readUTF(), in.readUTF(), in.readUTF());
    }

    /** Refuses a twin that speaks another protocol or answers for another id. */
    public void verify(String expectedTwinId) {
        if (protocolVersion != Protocol.VERSION) {
            throw new TwinProtocolException("twin '" + expectedTwinId + "' speaks cpy2j protocol " + protocolVersion
                    + " but this master speaks " + Protocol.VERSION + ": the twin's classpath holds another cpy2j "
                    + "version; give master and twin the same cpy2j-core jar");
        }
        if (!twinId.equals(expectedTwinId)) {
            throw new TwinProtocolException("expected twin '" + expectedTwinId + "' but '" + twinId + "' answered");
        }
    }
}
