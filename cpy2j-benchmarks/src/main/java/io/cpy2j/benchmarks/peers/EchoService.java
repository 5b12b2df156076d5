package io.cpy2j.benchmarks.peers;

import io.cpy2j.benchmarks.Point3;
import java.rmi.Remote;
import java.rmi.RemoteException;

/** The RMI peer's interface: the same calls the cpy2j benchmarks make. */
public interface EchoService extends Remote {

    int echo(int value) throws RemoteException;

    byte[] echoBytes(byte[] bytes) throws RemoteException;

    Point3 echoRecord(Point3 point) throws RemoteException;
}
