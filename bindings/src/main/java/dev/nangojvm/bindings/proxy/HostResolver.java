package dev.nangojvm.bindings.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Name resolution for the egress guard, called once per request hop; the proxy then connects to
 * the address it returned (and the guard checked), never resolving again. Tests inject fakes.
 */
@FunctionalInterface
public interface HostResolver {

    /** The operating system's resolver. */
    HostResolver SYSTEM = InetAddress::getAllByName;

    /** All addresses of a host name (never called with IP literals). */
    InetAddress[] resolve(String host) throws UnknownHostException;
}
